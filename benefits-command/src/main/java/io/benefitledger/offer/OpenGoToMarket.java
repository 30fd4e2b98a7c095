package io.benefitledger.offer;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Opens a newly registered partner's Go-To-Market offers; sent when the partner registers. */
public record OpenGoToMarket(PartnerId partnerId, Instant at) {

    public OpenGoToMarket {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
