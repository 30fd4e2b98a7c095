package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** A Global admin or MPN partner admin activates an offer; it is pending until fulfilled. */
public record ActivateOffer(PartnerId partnerId, OfferId offerId, UserId activatedBy, Instant at) {

    public ActivateOffer {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offerId, "offer id is required");
        Objects.requireNonNull(activatedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
