package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The schedule delivers a product's expiry, the instant its activation set. */
public record ExpireProduct(PackageId packageId, PartnerId partnerId, ProductId productId, Instant expiresAt) {

    public ExpireProduct {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(productId, "product id is required");
        Objects.requireNonNull(expiresAt, "the expiry is required");
    }

    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
