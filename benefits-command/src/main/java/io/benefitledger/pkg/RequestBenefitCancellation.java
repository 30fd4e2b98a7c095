package io.benefitledger.pkg;

import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * A service request to cancel one benefit of the package with a refund, decided by the package's refund rule as of
 * {@code at}; approved or denied, the decision is recorded.
 */
public record RequestBenefitCancellation(PackageId packageId, PartnerId partnerId, SubscriptionId subscriptionId,
                                         String serviceRequest, UserId requestedBy, Instant at) {

    public RequestBenefitCancellation {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(subscriptionId, "the benefit's id is required");
        if (serviceRequest == null || serviceRequest.isBlank()) {
            throw new IllegalArgumentException("the service request reference is required");
        }
        Objects.requireNonNull(requestedBy, "the requesting user is required");
        Objects.requireNonNull(at, "the instant of the request is required");
    }

    /** The aggregate this command targets: the partner's own package, which decides for its benefits. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
