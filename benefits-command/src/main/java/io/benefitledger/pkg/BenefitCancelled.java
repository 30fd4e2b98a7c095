package io.benefitledger.pkg;

import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One benefit of the package (a seat, a usage-based subscription, a technical benefit) was cancelled with a refund,
 * decided by the package's refund rule; the benefit is revoked from here on, the rest of the package is not.
 */
@Revision("1")
public record BenefitCancelled(PackageId packageId, PartnerId partnerId, SubscriptionId subscriptionId,
                               String serviceRequest, RefundDecision decision, UserId requestedBy, Instant at) {
}
