package io.benefitledger.partner;

import io.benefitledger.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** A user joined the partner's directory with these roles. */
@Revision("1")
public record UserAdded(PartnerId partnerId, UserId user, @PersonalData String displayName, EmailAddress email, Set<Role> roles,
                        UserId addedBy, Instant at) {
}
