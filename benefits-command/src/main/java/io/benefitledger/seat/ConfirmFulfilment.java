package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The fulfilment side confirms a pending technical benefit activation. */
public record ConfirmFulfilment(SubscriptionId subscriptionId, PartnerId partnerId,
                                String fulfilmentReference, Instant at) {

    public ConfirmFulfilment {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        if (fulfilmentReference == null || fulfilmentReference.isBlank()) {
            throw new IllegalArgumentException("the fulfilment reference is required");
        }
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
