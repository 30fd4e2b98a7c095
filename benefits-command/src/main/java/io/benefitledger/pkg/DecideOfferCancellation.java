package io.benefitledger.pkg;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Decide a service request to cancel one offer the package granted, with a refund, by the package's refund rule as of
 * {@code at}; approved or denied, the decision is recorded. Sent once the offer is known to be this package's (see
 * {@code lifecycle.OfferCancellations}): the package itself does not keep which offers its purchase was granted.
 */
public record DecideOfferCancellation(PackageId packageId, PartnerId partnerId, OfferId offerId, String serviceRequest,
                                      UserId requestedBy, Instant at) {

    public DecideOfferCancellation {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offerId, "the offer's id is required");
        if (serviceRequest == null || serviceRequest.isBlank()) {
            throw new IllegalArgumentException("the service request reference is required");
        }
        Objects.requireNonNull(requestedBy, "the requesting user is required");
        Objects.requireNonNull(at, "the instant of the request is required");
    }

    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
