package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The package was cancelled with a refund: the subscription's assignment ends and a pending activation stops. */
public record RevokeSubscription(SubscriptionId subscriptionId, PartnerId partnerId,
                                 String reason, Instant at) {

    public RevokeSubscription {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(reason, "a reason is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
