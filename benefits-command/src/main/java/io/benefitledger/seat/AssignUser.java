package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * A Global admin assigns a user of the directory. A technical benefit also needs an alternative e-mail that is not
 * the company account e-mail: its instructions go to both.
 */
public record AssignUser(SubscriptionId subscriptionId, PartnerId partnerId,
                         UserId assignee, EmailAddress alternativeEmail, UserId assignedBy, Instant at) {

    public AssignUser {
        Objects.requireNonNull(subscriptionId, "subscription id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(assignee, "the user to assign is required");
        Objects.requireNonNull(assignedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    /** The aggregate this command targets: the partner's own subscription, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, subscriptionId);
    }
}
