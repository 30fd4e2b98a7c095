package io.benefitledger.seat;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.Unit;
import io.benefitledger.pkg.PackageId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Opens an assignable benefit of a purchased package; sent with the purchase.
 *
 * @param quantity what the subscription holds of its allocation, in {@code unit}
 */
public record OpenSubscription(SubscriptionId subscriptionId, PackageId packageId,
                               PartnerId partnerId, BenefitKind kind, String benefitName, int quantity,
                               Unit unit, Instant at) {

    public OpenSubscription {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(kind, "kind is required");
        if (benefitName == null || benefitName.isBlank()) {
            throw new IllegalArgumentException("the benefit's name is required");
        }
        kind.unit(unit);
        if (quantity < 1) {
            throw new IllegalArgumentException("a subscription holds at least one " + unit);
        }
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
