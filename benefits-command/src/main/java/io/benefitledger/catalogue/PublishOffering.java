package io.benefitledger.catalogue;

import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.OfferingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The program operator publishes an offering, or a revision of it: its next version. */
public record PublishOffering(OfferingId offeringId, OfferingContents contents, UserId publishedBy, Instant at) {

    public PublishOffering {
        Objects.requireNonNull(offeringId, "offering id is required");
        Objects.requireNonNull(contents, "the offering's contents are required");
        Objects.requireNonNull(publishedBy, "the publishing user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public String target() {
        return Offering.idOf(offeringId);
    }
}
