package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The schedule delivers an active offer's expiry, the instant it was activated to expire at. */
public record ExpireOffer(PartnerId partnerId, OfferId offerId, Instant expiresAt) {

    public ExpireOffer {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offerId, "offer id is required");
        Objects.requireNonNull(expiresAt, "the expiry is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
