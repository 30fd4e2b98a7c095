package io.benefitledger.offer;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** One offer the package granted was cancelled with a refund: it alone is withdrawn and its pending activation stops. */
public record WithdrawOffer(PartnerId partnerId, PackageId packageId, OfferId offerId, String reason, Instant at) {

    public WithdrawOffer {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(offerId, "the offer's id is required");
        Objects.requireNonNull(reason, "a reason is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
