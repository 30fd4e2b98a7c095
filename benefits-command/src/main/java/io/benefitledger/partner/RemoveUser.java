package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** A Global admin or User admin removes a user from the partner's directory. */
public record RemoveUser(@TargetAggregateIdentifier PartnerId partnerId, UserId user, UserId removedBy, Instant at) {

    public RemoveUser {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(user, "user id is required");
        Objects.requireNonNull(removedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
