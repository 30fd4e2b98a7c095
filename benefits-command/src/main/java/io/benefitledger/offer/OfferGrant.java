package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;

import java.time.Duration;
import java.util.Objects;

/** An offer a package entitles the partner to, usable for {@code validity} once its activation is fulfilled. */
public record OfferGrant(OfferId offerId, String name, Duration validity) {

    public OfferGrant {
        Objects.requireNonNull(offerId, "offer id is required");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the offer's name is required");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("an offer is valid for a positive duration");
        }
    }
}
