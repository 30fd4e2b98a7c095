package io.benefitledger.pkg;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A service request to cancel one Go-To-Market offer the package granted, with a refund: decided by the package's
 * refund rule as of {@code at}, like a request for one of its benefits; approved or denied, the decision is recorded.
 */
public record RequestOfferCancellation(PackageId packageId, PartnerId partnerId, OfferId offerId,
                                       String serviceRequest, UserId requestedBy, Instant at) {

    public RequestOfferCancellation {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offerId, "the offer's id is required");
        Objects.requireNonNull(serviceRequest, "the service request reference is required");
        Objects.requireNonNull(requestedBy, "the requesting user is required");
        Objects.requireNonNull(at, "the instant of the request is required");
    }
}
