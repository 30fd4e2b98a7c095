package io.benefitledger.offer;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Records the offers a purchased package entitles the partner to; sent with the purchase. */
public record GrantOffers(PartnerId partnerId, PackageId packageId, List<OfferGrant> offers, Instant at) {

    public GrantOffers {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(packageId, "package id is required");
        offers = List.copyOf(offers);
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
