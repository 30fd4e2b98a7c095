package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A Global admin or User admin adds a user to the partner's directory, with admin roles or none (an employee that
 * benefits are assigned to).
 */
public record AddUser(@TargetAggregateIdentifier PartnerId partnerId, UserId user, String displayName,
                      EmailAddress email, Set<Role> roles, UserId addedBy, Instant at) {

    public AddUser {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(user, "user id is required");
        Text.require("display name", displayName, 255);
        Objects.requireNonNull(email, "e-mail is required");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        Objects.requireNonNull(addedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
