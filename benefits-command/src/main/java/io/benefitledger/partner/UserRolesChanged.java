package io.benefitledger.partner;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** A user's roles are now {@code roles}. */
@Revision("1")
public record UserRolesChanged(PartnerId partnerId, UserId user, Set<Role> roles, UserId changedBy, Instant at) {
}
