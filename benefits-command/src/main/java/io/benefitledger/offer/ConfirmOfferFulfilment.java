package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The fulfilment side confirms a pending offer activation; the offer is active from then until it expires. */
public record ConfirmOfferFulfilment(PartnerId partnerId, OfferId offerId, String fulfilmentReference, Instant at) {

    public ConfirmOfferFulfilment {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offerId, "offer id is required");
        if (fulfilmentReference == null || fulfilmentReference.isBlank()) {
            throw new IllegalArgumentException("the fulfilment reference is required");
        }
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
