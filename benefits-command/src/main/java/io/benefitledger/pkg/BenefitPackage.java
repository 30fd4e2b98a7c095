package io.benefitledger.pkg;

import io.benefitledger.NotFound;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundFacts;
import io.benefitledger.pkg.refund.RefundPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
@Aggregate
public class BenefitPackage {

    @AggregateIdentifier
    private PackageId packageId;
    private PartnerId partnerId;
    private Map<ProductId, SoftwareProduct> software;
    private Map<ProductId, Integer> keysRevealed;
    private RefundFacts refundFacts;
    private Instant lastChange;

    protected BenefitPackage() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public BenefitPackage(PurchasePackage command) {
        Set<ProductId> seen = new HashSet<>();
        for (SoftwareProduct product : command.software()) {
            if (!seen.add(product.productId())) {
                throw new DuplicateProduct(product.productId());
            }
        }
        apply(new PackagePurchased(command.packageId(), command.partnerId(), command.packageType(),
                command.software(), command.purchasedBy(), command.at()));
    }

    @CommandHandler
    public KeysRevealed handle(RevealKeys command, LicenseKeyIssuer issuer) {
        belongsTo(command.partnerId());
        notRevoked();
        SoftwareProduct product = software.get(command.productId());
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
        KeysRevealed revealed = new KeysRevealed(packageId, partnerId, product.productId(),
                issuer.issue(command.count()), command.language(), command.operatingSystem(),
                product.downloadLink(command.language(), command.operatingSystem()),
                command.revealedBy(), inOrder(command.at()));
        apply(revealed);
        return revealed;
    }

    @CommandHandler
    public RefundDecision handle(RequestCancellation command) {
        belongsTo(command.partnerId());
        notRevoked();
        Instant at = inOrder(command.at());
        RefundDecision decision = RefundPolicy.decide(refundFacts, at);
        if (decision.eligible()) {
            apply(new PackageCancelled(packageId, partnerId, command.serviceRequest(), decision,
                    command.requestedBy(), at));
        } else {
            apply(new CancellationDenied(packageId, partnerId, command.serviceRequest(), decision,
                    command.requestedBy(), at));
        }
        return decision;
    }

    @EventSourcingHandler
    void on(PackagePurchased event, DomainEventMessage<?> message) {
        packageId = event.packageId();
        partnerId = event.partnerId();
        software = new HashMap<>();
        event.software().forEach(product -> software.put(product.productId(), product));
        keysRevealed = new HashMap<>();
        refundFacts = RefundFacts.purchasedBy(evidence(message, event.at()));
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(KeysRevealed event, DomainEventMessage<?> message) {
        keysRevealed.merge(event.productId(), event.keys().size(), Integer::sum);
        refundFacts = refundFacts.withSoftwareActivated(evidence(message, event.at()));
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(PackageCancelled event, DomainEventMessage<?> message) {
        refundFacts = refundFacts.withCancellation(evidence(message, event.at()));
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(CancellationDenied event) {
        lastChange = event.at();
    }

    private void belongsTo(PartnerId caller) {
        if (!partnerId.equals(caller)) {
            throw new NotFound("package", packageId);
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

    private static Evidence evidence(DomainEventMessage<?> message, Instant at) {
        return new Evidence(message.getIdentifier(), message.getPayloadType().getSimpleName(), at, null);
    }
}
