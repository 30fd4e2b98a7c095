package io.benefitledger.pkg;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One Go-To-Market offer the package granted was cancelled with a refund, decided by the package's refund rule; the
 * offer is withdrawn from here on, the rest of the package is not.
 */
@Revision("1")
public record OfferCancelled(PackageId packageId, PartnerId partnerId, OfferId offerId, String serviceRequest,
                             RefundDecision decision, UserId requestedBy, Instant at) {
}
