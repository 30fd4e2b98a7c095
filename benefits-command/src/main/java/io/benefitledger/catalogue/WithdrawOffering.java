package io.benefitledger.catalogue;

import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The program operator withdraws an offering: it can no longer be bought; packages bought keep what they hold. */
public record WithdrawOffering(OfferingId offeringId, UserId withdrawnBy, Instant at) {

    public WithdrawOffering {
        Objects.requireNonNull(offeringId, "offering id is required");
        Objects.requireNonNull(withdrawnBy, "the withdrawing user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public String target() {
        return Offering.idOf(offeringId);
    }
}
