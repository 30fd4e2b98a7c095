package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A partner buys a membership benefit package. */
public record PurchasePackage(@TargetAggregateIdentifier PackageId packageId, PartnerId partnerId,
                              String packageType, List<SoftwareProduct> software,
                              UserId purchasedBy, Instant at) {

    public PurchasePackage {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        if (packageType == null || packageType.isBlank()) {
            throw new IllegalArgumentException("package type is required");
        }
        software = software == null ? List.of() : List.copyOf(software);
        Objects.requireNonNull(purchasedBy, "the purchasing user is required");
        Objects.requireNonNull(at, "the instant of the purchase is required");
    }
}
