package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An active offer was used. */
@Revision("1")
public record OfferUsed(PartnerId partnerId, OfferId offerId, UserId usedBy, String purpose, Instant at) {
}
