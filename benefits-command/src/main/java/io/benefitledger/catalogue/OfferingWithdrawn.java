package io.benefitledger.catalogue;

import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.OfferingId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The offering, at its version {@code version}, can no longer be bought, until a new version is published. */
@Revision("1")
public record OfferingWithdrawn(OfferingId offeringId, int version, UserId withdrawnBy, Instant at) {
}
