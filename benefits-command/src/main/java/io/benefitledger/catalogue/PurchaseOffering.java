package io.benefitledger.catalogue;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PackageId;

import java.time.Instant;
import java.util.Objects;

/**
 * A partner buys an offering of the catalogue as its package {@code packageId}.
 *
 * @param version the version the partner saw and means to buy; null: the current one
 */
public record PurchaseOffering(PackageId packageId, PartnerId partnerId, OfferingId offering, Integer version,
                               UserId purchasedBy, Instant at) {

    public PurchaseOffering {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offering, "the offering to buy is required");
        Objects.requireNonNull(purchasedBy, "the purchasing user is required");
        Objects.requireNonNull(at, "the instant of the purchase is required");
    }
}
