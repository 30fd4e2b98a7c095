package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Package {@code renewedBy}, of the same offering, was bought at {@code at} and continues this package's year. */
@Revision("1")
public record MembershipRenewed(PackageId packageId, PartnerId partnerId, PackageId renewedBy, Instant at) {
}
