package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * A partner buys a membership benefit package: version {@code offeringVersion} of a catalogue offering, whose name
 * ({@code packageType}), allocations and limit it carries as the catalogue published them.
 *
 * @param limit how many packages of the offering a partner may hold per membership year; null: no limit
 */
public record PurchasePackage(PackageId packageId, PartnerId partnerId,
                              String packageType, Allocations allocations,
                              UserId purchasedBy, Instant at,
                              OfferingId offering, int offeringVersion, PurchaseLimit limit) {

    /** Seat ids are the package id, the allocation id and a seat number: together within the id length limit. */
    static final int MAX_PACKAGE_AND_ALLOCATION_ID_LENGTH = 120;

    public PurchasePackage {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        if (packageType == null || packageType.isBlank()) {
            throw new IllegalArgumentException("package type is required");
        }
        Objects.requireNonNull(allocations, "allocations are required");
        allocations.ids().filter(id -> packageId.value().length() + id.length() > MAX_PACKAGE_AND_ALLOCATION_ID_LENGTH)
                .findAny().ifPresent(id -> {
                    throw new IllegalArgumentException("package id and allocation id '" + id + "' are together longer than "
                                                       + MAX_PACKAGE_AND_ALLOCATION_ID_LENGTH + " characters");
                });
        Objects.requireNonNull(purchasedBy, "the purchasing user is required");
        Objects.requireNonNull(at, "the instant of the purchase is required");
        Objects.requireNonNull(offering, "the offering bought is required");
        if (offeringVersion < 1) {
            throw new IllegalArgumentException("an offering's versions are numbered from 1");
        }
    }

    /** The aggregate this command targets: the partner's own package, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
