package io.benefitledger.lifecycle;

import io.benefitledger.RunsWithTheCommand;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.offer.GrantOffers;
import io.benefitledger.offer.OfferGrant;
import io.benefitledger.offer.WithdrawOffer;
import io.benefitledger.offer.WithdrawOffers;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.pkg.AssignableBenefit;
import io.benefitledger.pkg.BenefitCancelled;
import io.benefitledger.pkg.ExpireRenewedPackage;
import io.benefitledger.pkg.OfferCancelled;
import io.benefitledger.pkg.PackageBenefitsExpired;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.RecordRenewal;
import io.benefitledger.seat.ExpireSubscription;
import io.benefitledger.seat.OpenSubscription;
import io.benefitledger.seat.RevokeSubscription;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;

/**
 * A package's benefits follow the package, which knows nothing of them: its purchase opens a Subscription for every seat, usage-based
 * subscription and technical benefit, and grants the Go-To-Market offers that the version of the offering bought grants
 * the partner's qualifications;
 * a refunded cancellation revokes them all, and a benefit or offer cancelled with a refund on its own is revoked alone;
 * when its membership year ends unrenewed they expire, and so do those of the package whose year it renewed. Runs in
 * the transaction of the purchase, cancellation or deadline, so a package never exists without its seats, nor is
 * refunded or expired with its seats still assigned.
 */
@RunsWithTheCommand
@ProcessingGroup(PackageBenefits.GROUP)
public class PackageBenefits {

    public static final String GROUP = "package-benefits";
    static final String REVOKED_BY_REFUND = "the package was cancelled with a refund";
    static final String BENEFIT_REFUNDED = "the benefit was cancelled with a refund";
    static final String OFFER_REFUNDED = "the offer was cancelled with a refund";

    private final CommandGateway commands;
    private final PartnerDirectory directory;
    private final Offerings offerings;

    public PackageBenefits(CommandGateway commands, PartnerDirectory directory, Offerings offerings) {
        this.commands = commands;
        this.directory = directory;
        this.offerings = offerings;
    }

    @EventHandler
    void on(PackagePurchased event) {
        for (AssignableBenefit benefit : event.allocations().assignableBenefits(event.packageId())) {
            commands.sendAndWait(new OpenSubscription(benefit.subscriptionId(), event.packageId(), event.partnerId(),
                    benefit.kind(), benefit.name(), benefit.quantity(), benefit.unit(), event.at()));
        }
        List<OfferGrant> offers = offersGranted(event);
        if (!offers.isEmpty()) {
            commands.sendAndWait(new GrantOffers(event.partnerId(), event.packageId(), offers, event.at()));
        }
        // A renewal is recorded on the package whose year it continues, which refuses a second one.
        if (event.renewalOf() != null) {
            commands.sendAndWait(new RecordRenewal(event.renewalOf(), event.partnerId(), event.packageId(), event.at()));
        }
    }

    /** The offers the version bought grants the partner's qualifications; a purchase before the catalogue, none. */
    private List<OfferGrant> offersGranted(PackagePurchased event) {
        if (event.offering() == null) {
            return List.of();
        }
        return offerings.find(event.offering())
                .flatMap(history -> history.version(event.offeringVersion()))
                .map(version -> version.contents().goToMarket().offersFor(directory.qualifications(event.partnerId())))
                .orElse(List.of());
    }

    @EventHandler
    void on(PackageBenefitsExpired event) {
        for (SubscriptionId subscription : event.subscriptionIds()) {
            commands.sendAndWait(new ExpireSubscription(subscription, event.partnerId(), event.at()));
        }
        if (event.renewalOf() != null) {
            commands.sendAndWait(new ExpireRenewedPackage(event.renewalOf(), event.partnerId(), event.at()));
        }
    }

    @EventHandler
    void on(PackageCancelled event) {
        for (SubscriptionId subscription : event.revokedSubscriptionIds()) {
            commands.sendAndWait(new RevokeSubscription(subscription, event.partnerId(),
                    REVOKED_BY_REFUND, event.at()));
        }
        commands.sendAndWait(new WithdrawOffers(event.partnerId(), event.packageId(), REVOKED_BY_REFUND, event.at()));
    }

    @EventHandler
    void on(BenefitCancelled event) {
        commands.sendAndWait(new RevokeSubscription(event.subscriptionId(), event.partnerId(), BENEFIT_REFUNDED,
                event.at()));
    }

    @EventHandler
    void on(OfferCancelled event) {
        commands.sendAndWait(new WithdrawOffer(event.partnerId(), event.packageId(), event.offerId(), OFFER_REFUNDED,
                event.at()));
    }
}
