package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A Global admin or User admin changes a user's roles. */
public record ChangeUserRoles(@TargetAggregateIdentifier PartnerId partnerId, UserId user, Set<Role> roles,
                              UserId changedBy, Instant at) {

    public ChangeUserRoles {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(user, "user id is required");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        roles = Set.copyOf(roles);
        Objects.requireNonNull(changedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
