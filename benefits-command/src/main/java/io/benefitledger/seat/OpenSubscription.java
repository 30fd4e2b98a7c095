package io.benefitledger.seat;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.TechnicalAllocation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Opens an assignable benefit of a purchased package; sent with the purchase.
 *
 * @param quantity 1 for a seat or usage-based subscription; a technical benefit's incidents or hours
 * @param unit     a technical benefit's unit; {@code null} otherwise
 */
public record OpenSubscription(SubscriptionId subscriptionId, PackageId packageId,
                               PartnerId partnerId, SubscriptionKind kind, String benefitName, int quantity,
                               TechnicalAllocation.Unit unit, Instant at) {

    public OpenSubscription {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(kind, "kind is required");
        if (benefitName == null || benefitName.isBlank()) {
            throw new IllegalArgumentException("the benefit's name is required");
        }
        if (kind == SubscriptionKind.TECHNICAL ? unit == null || quantity < 1 : unit != null || quantity != 1) {
            throw new IllegalArgumentException("a technical benefit holds incidents or hours; a seat or usage-based "
                                               + "subscription holds exactly one seat");
        }
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
