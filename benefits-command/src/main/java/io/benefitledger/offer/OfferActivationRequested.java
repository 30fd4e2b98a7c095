package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An offer's activation was requested; it is pending until fulfilled. */
@Revision("1")
public record OfferActivationRequested(PartnerId partnerId, OfferId offerId, UserId activatedBy, Instant at) {
}
