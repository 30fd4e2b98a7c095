package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A Global admin records the partner's partner level and competencies, which decide its Go-To-Market offers. */
public record ChangeQualifications(@TargetAggregateIdentifier PartnerId partnerId, Set<String> qualifications,
                                   UserId changedBy, Instant at) {

    public ChangeQualifications {
        Objects.requireNonNull(partnerId, "partner id is required");
        qualifications = Text.qualifications(qualifications);
        Objects.requireNonNull(changedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
