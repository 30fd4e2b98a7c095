package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A partner bought a membership benefit package with these allocations. Its membership {@code year} began with it:
 * a fresh year from the purchase, or, when the purchase renewed the year of package {@code renewalOf} of the same
 * offering, a year from that one's anniversary. A purchase recorded before years were has neither (both null): the
 * fields are optional, so the event's shape and revision are those it always had.
 */
@Revision("1")
public record PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType,
                               Allocations allocations, UserId purchasedBy, Instant at,
                               MembershipYear year, PackageId renewalOf) {

    /** A purchase as recorded before membership years were. */
    public PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType, Allocations allocations,
                            UserId purchasedBy, Instant at) {
        this(packageId, partnerId, packageType, allocations, purchasedBy, at, null, null);
    }
}
