package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A request to cancel the package with a refund was denied; {@code decision} holds the reasons. */
@Revision("1")
public record CancellationDenied(PackageId packageId, PartnerId partnerId, String serviceRequest,
                                 RefundDecision decision, UserId requestedBy, Instant at) {
}
