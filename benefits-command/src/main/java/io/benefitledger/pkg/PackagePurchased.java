package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A partner bought a membership benefit package with these allocations: version {@code offeringVersion} of the
 * catalogue's {@code offering}, named {@code packageType}, with the contents that version had. A purchase recorded
 * before the catalogue named no offering (both null); its package type stands for the offering (see
 * {@link #offeringKey()}). Its membership {@code year} began with it:
 * a fresh year from the purchase, or, when the purchase renewed the year of package {@code renewalOf} of the same
 * offering, a year from that one's anniversary. A purchase recorded before years were has neither (both null): the
 * fields are optional, so the event's shape and revision are those it always had.
 */
@Revision("1")
public record PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType,
                               Allocations allocations, UserId purchasedBy, Instant at,
                               MembershipYear year, PackageId renewalOf,
                               OfferingId offering, Integer offeringVersion) {

    /** A purchase as recorded before membership years were. */
    public PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType, Allocations allocations,
                            UserId purchasedBy, Instant at) {
        this(packageId, partnerId, packageType, allocations, purchasedBy, at, null, null);
    }

    /** A purchase as recorded before the catalogue: no offering named. */
    public PackagePurchased(PackageId packageId, PartnerId partnerId, String packageType, Allocations allocations,
                            UserId purchasedBy, Instant at, MembershipYear year, PackageId renewalOf) {
        this(packageId, partnerId, packageType, allocations, purchasedBy, at, year, renewalOf, null, null);
    }

    /**
     * What a renewal of this package's year keys on: the offering bought, or, for a purchase recorded before the
     * catalogue, its package type, which named the offering then.
     */
    public String offeringKey() {
        return offering != null ? offering.value() : packageType;
    }
}
