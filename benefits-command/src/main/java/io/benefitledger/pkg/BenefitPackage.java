package io.benefitledger.pkg;

import io.benefitledger.NotFound;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.NotPermitted;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundFacts;
import io.benefitledger.pkg.refund.RefundRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's membership benefit package: its allocations, the keys revealed from them, and whether it may still
 * be cancelled with a refund.
 * <p>
 * Instants come from the commands. An instant earlier than the package's last recorded change is recorded as that
 * change's instant, so the history reads in order even when nodes' clocks disagree slightly; otherwise a key reveal
 * could sort after a cancellation it preceded and the refund rule would not see it.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", commandTargetResolver = "ifMatchTargetResolver",
        cache = "aggregateCache")
public class BenefitPackage {

    @AggregateIdentifier
    private AggregateId id;
    private PackageId packageId;
    private PartnerId partnerId;
    private Map<ProductId, LicensedProduct> licensedProducts;
    private Map<ProductId, Integer> keysRevealed;
    /** The products activated whose validity runs from then, until when; null until one is (and in older snapshots). */
    private Map<ProductId, Instant> productExpiries;
    private Set<ProductId> productsExpired;
    private List<String> subscriptions;
    private RefundFacts refundFacts;
    private Instant lastChange;
    /** Null for a package bought before years were recorded: no deadline was scheduled for it. */
    private MembershipYear year;
    private PackageId renewalOf;
    private PackageId renewedBy;
    private Set<MembershipYear.Milestone> passed;
    private Instant expiredAt;

    protected BenefitPackage() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public BenefitPackage(PurchasePackage command, PartnerDirectory directory, MembershipYears years,
                          MembershipTerms terms) {
        inDirectory(directory, command.partnerId(), command.purchasedBy(), "purchase packages");
        command.allocations().requireWithinLimits();
        String offering = command.offering().value();
        Optional<MembershipYears.Renewable> renewed = years.renewable(command.partnerId(), offering, command.at());
        MembershipYear year = terms.yearFrom(renewed.map(MembershipYears.Renewable::anniversary).orElse(command.at()));
        if (command.limit() != null) {
            int held = years.heldDuring(command.partnerId(), offering, year);
            if (held >= command.limit().perMembershipYear()) {
                throw new PurchaseLimitReached(command.offering(), command.limit(), held);
            }
        }
        apply(new PackagePurchased(command.packageId(), command.partnerId(), command.packageType(),
                command.allocations(), command.purchasedBy(), command.at(), year,
                renewed.map(MembershipYears.Renewable::packageId).orElse(null), command.offering(),
                command.offeringVersion()));
    }

    @CommandHandler
    public KeysRevealed handle(RevealKeys command, LicenseKeyIssuer issuer, PartnerDirectory directory) {
        inDirectory(directory, partnerId, command.revealedBy(), "reveal license keys");
        notRevoked();
        if (expiredAt != null) {
            throw new PackageExpired(packageId, expiredAt);
        }
        LicensedProduct product = licensedProducts.get(command.productId());
        if (product == null) {
            throw new NotFound("product", command.productId());
        }
        if (!product.offersLanguage(command.language())) {
            throw ChoiceNotOffered.language(product.productId(), command.language(), product.languages());
        }
        if (!product.offersOperatingSystem(command.operatingSystem())) {
            throw ChoiceNotOffered.operatingSystem(product.productId(), command.operatingSystem(),
                    product.operatingSystems());
        }
        int left = product.keys() - keysRevealed.getOrDefault(product.productId(), 0);
        if (command.count() > left) {
            throw new KeysExhausted(product.productId(), command.count(), left, product.keys());
        }
        Instant at = inOrder(command.at());
        Instant expiresAt = productExpiries().get(product.productId());
        if (expiresAt != null && !at.isBefore(expiresAt)) {
            throw new ProductNoLongerValid(product.productId(), expiresAt);
        }
        if (expiresAt == null && product.validFromActivation() != null) {
            apply(new ProductActivated(packageId, partnerId, product.productId(), at.plus(product.validFromActivation()), at));
        }
        KeysRevealed revealed = new KeysRevealed(packageId, partnerId, product.productId(),
                issuer.issue(command.count()), command.language(), command.operatingSystem(),
                product.downloadLink(command.language(), command.operatingSystem()),
                command.revealedBy(), at);
        apply(revealed);
        return revealed;
    }

    /** A product's expiry is recorded once, unless its package was refunded or expired with its year first. */
    @CommandHandler
    void handle(ExpireProduct command) {
        boolean due = command.expiresAt().equals(productExpiries().get(command.productId()))
                      && !productsExpired().contains(command.productId());
        if (due && refundFacts.cancellation() == null && expiredAt == null) {
            apply(new ProductExpired(packageId, partnerId, command.productId(), command.expiresAt()));
        }
    }

    @CommandHandler
    public RefundDecision handle(RequestCancellation command, PartnerDirectory directory, RefundRules rules) {
        inDirectory(directory, partnerId, command.requestedBy(), "request a cancellation");
        // A request after the refund is decided like any other: the rule's "not already cancelled" denies it, and the
        // denial is recorded with that evidence.
        Instant at = inOrder(command.at());
        RefundDecision decision = rules.decide(refundFacts, at);
        if (decision.eligible()) {
            apply(new PackageCancelled(packageId, partnerId, command.serviceRequest(), decision, subscriptions,
                    command.requestedBy(), at));
        } else {
            apply(new CancellationDenied(packageId, partnerId, command.serviceRequest(), decision,
                    command.requestedBy(), at));
        }
        return decision;
    }

    @CommandHandler
    public RefundDecision handle(RequestBenefitCancellation command, PartnerDirectory directory, RefundRules rules) {
        inDirectory(directory, partnerId, command.requestedBy(), "request a cancellation");
        if (!subscriptions.contains(command.subscriptionId().value())) {
            throw new NotFound("benefit of package " + packageId, command.subscriptionId());
        }
        Instant at = inOrder(command.at());
        RefundDecision decision = rules.decide(refundFacts.ofBenefit(command.subscriptionId().value()), at);
        if (decision.eligible()) {
            apply(new BenefitCancelled(packageId, partnerId, command.subscriptionId(), command.serviceRequest(),
                    decision, command.requestedBy(), at));
        } else {
            apply(new BenefitCancellationDenied(packageId, partnerId, command.subscriptionId(),
                    command.serviceRequest(), decision, command.requestedBy(), at));
        }
        return decision;
    }

    @CommandHandler
    public RefundDecision handle(DecideOfferCancellation command, PartnerDirectory directory, RefundRules rules) {
        inDirectory(directory, partnerId, command.requestedBy(), "request a cancellation");
        Instant at = inOrder(command.at());
        RefundDecision decision = rules.decide(refundFacts.ofOffer(command.offerId()), at);
        if (decision.eligible()) {
            apply(new OfferCancelled(packageId, partnerId, command.offerId(), command.serviceRequest(), decision,
                    command.requestedBy(), at));
        } else {
            apply(new OfferCancellationDenied(packageId, partnerId, command.offerId(), command.serviceRequest(),
                    decision, command.requestedBy(), at));
        }
        return decision;
    }

    /**
     * A milestone of the year is recorded at its own instant, once, after any earlier one not yet recorded (deadlines
     * caught up on after an outage may arrive in any order); a package refunded, or bought before years were
     * recorded, records none.
     */
    @CommandHandler
    void handle(PassMilestone command) {
        if (year == null || refundFacts.cancellation() != null) {
            return;
        }
        for (MembershipYear.Milestone milestone : MembershipYear.Milestone.values()) {
            if (milestone.compareTo(command.milestone()) > 0) {
                break;
            }
            if (!passed.contains(milestone)) {
                pass(milestone, year.instantOf(milestone));
            }
        }
    }

    private void pass(MembershipYear.Milestone milestone, Instant at) {
        switch (milestone) {
            case RENEWAL_WINDOW_OPENS -> apply(new RenewalWindowOpened(packageId, partnerId, year.anniversary(),
                    year.graceEnds(), at));
            case YEAR_ENDS -> apply(new MembershipYearEnded(packageId, partnerId, renewedBy, year.graceEnds(), at));
            case GRACE_ENDS -> {
                apply(new GracePeriodOver(packageId, partnerId, renewedBy, at));
                if (renewedBy == null) {
                    expire(at);
                }
            }
        }
    }

    @CommandHandler
    void handle(RecordRenewal command) {
        if (renewedBy != null) {
            throw new AlreadyRenewed(packageId, renewedBy);
        }
        apply(new MembershipRenewed(packageId, partnerId, command.renewedBy(), inOrder(command.at())));
    }

    /** The renewal continuing this package's year expired: so do this package's benefits, at the same instant. */
    @CommandHandler
    void handle(ExpireRenewedPackage command) {
        if (expiredAt == null && refundFacts.cancellation() == null) {
            expire(command.at());
        }
    }

    private void expire(Instant at) {
        apply(new PackageBenefitsExpired(packageId, partnerId, subscriptions, renewalOf, at));
    }

    @EventSourcingHandler
    void on(PackagePurchased event, DomainEventMessage<?> message, RefundRules rules) {
        id = AggregateId.of(event.partnerId(), event.packageId());
        packageId = event.packageId();
        partnerId = event.partnerId();
        licensedProducts = new HashMap<>();
        event.allocations().licensedProducts().forEach(product -> licensedProducts.put(product.productId(), product));
        subscriptions = event.allocations().assignableBenefits(event.packageId()).stream()
                .map(benefit -> benefit.subscriptionId().value()).toList();
        keysRevealed = new HashMap<>();
        year = event.year();
        renewalOf = event.renewalOf();
        passed = EnumSet.noneOf(MembershipYear.Milestone.class);
        refundFacts = RefundFacts.fold(null, event, message.getIdentifier(), message.getSequenceNumber(), rules);
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(ProductActivated event) {
        productExpiries = new HashMap<>(productExpiries());
        productExpiries.put(event.productId(), event.expiresAt());
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(ProductExpired event) {
        productsExpired = new HashSet<>(productsExpired());
        productsExpired.add(event.productId());
        later(event.at());
    }

    /** Read-only: the state is changed by the event sourcing handlers alone. */
    private Map<ProductId, Instant> productExpiries() {
        return productExpiries == null ? Map.of() : productExpiries;
    }

    private Set<ProductId> productsExpired() {
        return productsExpired == null ? Set.of() : productsExpired;
    }

    @EventSourcingHandler
    void on(KeysRevealed event, DomainEventMessage<?> message, RefundRules rules) {
        keysRevealed.merge(event.productId(), event.keys().size(), Integer::sum);
        refundFacts = foldRefundFacts(event, message, rules);
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(PackageCancelled event, DomainEventMessage<?> message, RefundRules rules) {
        refundFacts = foldRefundFacts(event, message, rules);
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(CancellationDenied event, DomainEventMessage<?> message, RefundRules rules) {
        // A denial changes no refund fact today; the fold says so, so that the day it does is an edit there alone.
        refundFacts = foldRefundFacts(event, message, rules);
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(BenefitCancelled event, DomainEventMessage<?> message, RefundRules rules) {
        refundFacts = foldRefundFacts(event, message, rules);
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OfferCancelled event, DomainEventMessage<?> message, RefundRules rules) {
        refundFacts = foldRefundFacts(event, message, rules);
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(RenewalWindowOpened event) {
        passed.add(MembershipYear.Milestone.RENEWAL_WINDOW_OPENS);
        later(event.at());
    }

    @EventSourcingHandler
    void on(MembershipYearEnded event) {
        passed.add(MembershipYear.Milestone.YEAR_ENDS);
        later(event.at());
    }

    @EventSourcingHandler
    void on(GracePeriodOver event) {
        passed.add(MembershipYear.Milestone.GRACE_ENDS);
        later(event.at());
    }

    @EventSourcingHandler
    void on(MembershipRenewed event) {
        renewedBy = event.renewedBy();
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(BenefitCancellationDenied event) {
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OfferCancellationDenied event) {
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(PackageBenefitsExpired event) {
        expiredAt = event.at();
        later(event.at());
    }

    /** A deadline is stamped with its own instant, which may precede a change recorded before it was delivered. */
    private void later(Instant at) {
        if (at.isAfter(lastChange)) {
            lastChange = at;
        }
    }

    /** Every role of the partner's directory may purchase and use packages; outsiders may not. */
    private static void inDirectory(PartnerDirectory directory, PartnerId partner, UserId user, String what) {
        if (directory.user(partner, user).isEmpty()) {
            throw new NotPermitted(user, what + " for partner " + partner + ": they are not in its directory");
        }
    }

    private void notRevoked() {
        if (refundFacts.cancellation() != null) {
            throw new PackageRevoked(packageId, refundFacts.cancellation().at());
        }
    }

    private Instant inOrder(Instant at) {
        return at.isBefore(lastChange) ? lastChange : at;
    }

    private RefundFacts foldRefundFacts(Object event, DomainEventMessage<?> message, RefundRules rules) {
        return RefundFacts.fold(refundFacts, event, message.getIdentifier(), message.getSequenceNumber(), rules);
    }
}
