package io.benefitledger.offer;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The package was cancelled with a refund: the offers it granted are withdrawn and pending activations stop. */
public record WithdrawOffers(PartnerId partnerId, PackageId packageId, String reason, Instant at) {

    public WithdrawOffers {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(reason, "a reason is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
