package io.benefitledger.partner;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user left the partner's directory. */
@Revision("1")
public record UserRemoved(PartnerId partnerId, UserId user, UserId removedBy, Instant at) {
}
