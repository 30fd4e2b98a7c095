package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An offer's activation was fulfilled: it is active and can be used until {@code expiresAt}, included. */
@Revision("1")
public record OfferActivated(PartnerId partnerId, OfferId offerId, String fulfilmentReference, Instant expiresAt, Instant at) {
}
