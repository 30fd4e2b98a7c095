package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** "Get keys": reveal license keys of a product for a display language and an operating system. */
public record RevealKeys(PackageId packageId, PartnerId partnerId, ProductId productId,
                         int count, String language, String operatingSystem, UserId revealedBy, Instant at) {

    public RevealKeys {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(productId, "product id is required");
        if (count < 1) {
            throw new IllegalArgumentException("at least one key must be revealed");
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("a display language is required");
        }
        if (operatingSystem == null || operatingSystem.isBlank()) {
            throw new IllegalArgumentException("an operating system is required");
        }
        Objects.requireNonNull(revealedBy, "the revealing user is required");
        Objects.requireNonNull(at, "the instant of the reveal is required");
    }

    /** The aggregate this command targets: the partner's own package, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
