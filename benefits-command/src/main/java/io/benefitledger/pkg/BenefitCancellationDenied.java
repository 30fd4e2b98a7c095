package io.benefitledger.pkg;

import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A request to cancel one benefit of the package with a refund was denied; {@code decision} holds the reasons. */
@Revision("1")
public record BenefitCancellationDenied(PackageId packageId, PartnerId partnerId, SubscriptionId subscriptionId,
                                        String serviceRequest, RefundDecision decision, UserId requestedBy,
                                        Instant at) {
}
