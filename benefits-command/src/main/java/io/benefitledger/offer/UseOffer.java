package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** A Global admin or MPN partner admin uses an active offer before it expires. */
public record UseOffer(PartnerId partnerId, OfferId offerId, UserId usedBy, String purpose, Instant at) {

    public UseOffer {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(offerId, "offer id is required");
        Objects.requireNonNull(usedBy, "the acting user is required");
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("the purpose of the use is required");
        }
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
