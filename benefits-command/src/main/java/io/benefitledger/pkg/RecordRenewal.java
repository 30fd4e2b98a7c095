package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Package {@code renewedBy} was bought as the renewal of this package's year. */
public record RecordRenewal(PackageId packageId, PartnerId partnerId, PackageId renewedBy, Instant at) {

    public RecordRenewal {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(renewedBy, "the renewing package is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
