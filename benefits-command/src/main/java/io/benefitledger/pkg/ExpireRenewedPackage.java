package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The renewal that continued this package's year expired at {@code at}: this package's benefits expire with it. */
public record ExpireRenewedPackage(PackageId packageId, PartnerId partnerId, Instant at) {

    public ExpireRenewedPackage {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
