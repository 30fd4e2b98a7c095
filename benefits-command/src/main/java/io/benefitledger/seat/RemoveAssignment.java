package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** A Global admin removes the assigned user, e.g. to reassign the seat. */
public record RemoveAssignment(SubscriptionId subscriptionId, PartnerId partnerId,
                               UserId removedBy, Instant at) {

    public RemoveAssignment {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(removedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
