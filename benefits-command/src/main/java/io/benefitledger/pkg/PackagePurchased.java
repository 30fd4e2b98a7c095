package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A partner bought a membership benefit package with these allocations. */
@Revision("1")
public record PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType,
                               Allocations allocations, UserId purchasedBy, Instant at) {
}
