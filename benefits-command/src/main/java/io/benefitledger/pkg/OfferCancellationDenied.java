package io.benefitledger.pkg;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.RefundDecision;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A request to cancel one offer the package granted, with a refund, was denied; {@code decision} holds the reasons. */
@Revision("1")
public record OfferCancellationDenied(PackageId packageId, PartnerId partnerId, OfferId offerId, String serviceRequest,
                                      RefundDecision decision, UserId requestedBy, Instant at) {
}
