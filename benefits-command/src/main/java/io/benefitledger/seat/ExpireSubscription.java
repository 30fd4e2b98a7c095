package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The package's membership year ended unrenewed: the subscription expires at {@code at}, the package's instant. */
public record ExpireSubscription(SubscriptionId subscriptionId, PartnerId partnerId, Instant at) {

    public ExpireSubscription {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
