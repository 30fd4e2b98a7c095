package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A package's membership year began with its purchase ({@code at}): a fresh year from the purchase, or, when the
 * purchase renewed the year of package {@code renewalOf} of the same offering, a year from that one's anniversary.
 */
@Revision("1")
public record MembershipYearBegan(PackageId packageId, PartnerId partnerId, String offering, MembershipYear year,
                                  PackageId renewalOf, Instant at) {
}
