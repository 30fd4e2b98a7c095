package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A Global admin or User admin changes another user's roles; no roles leaves them a user without admin rights. */
public record ChangeUserRoles(@TargetAggregateIdentifier PartnerId partnerId, UserId user, Set<Role> roles,
                              UserId changedBy, Instant at) {

    public ChangeUserRoles {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(user, "user id is required");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        Objects.requireNonNull(changedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
