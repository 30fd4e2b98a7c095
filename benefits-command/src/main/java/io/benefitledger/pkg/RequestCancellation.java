package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * A service request to cancel the package with a refund. It is decided by the refund rule as of {@code at};
 * approved or denied, the decision is recorded.
 */
public record RequestCancellation(PackageId packageId, PartnerId partnerId,
                                  String serviceRequest, UserId requestedBy, Instant at) {

    public RequestCancellation {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        if (serviceRequest == null || serviceRequest.isBlank()) {
            throw new IllegalArgumentException("the service request reference is required");
        }
        Objects.requireNonNull(requestedBy, "the requesting user is required");
        Objects.requireNonNull(at, "the instant of the request is required");
    }

    /** The aggregate this command targets: the partner's own package, scoped to the partner. */
    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
