package io.benefitledger.seat;

import io.benefitledger.benefit.Phase;
import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Draws on an active technical benefit: a support incident (amount 1), or advisory / presales hours with the phase
 * they are for and a description of the request.
 */
public record DrawBenefit(SubscriptionId subscriptionId, PartnerId partnerId, Phase phase,
                          String description, int amount, UserId requestedBy, Instant at) {

    public DrawBenefit {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a description of the request is required");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("at least one incident or hour must be drawn");
        }
        Objects.requireNonNull(requestedBy, "the requesting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
