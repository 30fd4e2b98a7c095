package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The program operator sets the partner's partner level and competencies, which decide its Go-To-Market offers,
 * and says why (e.g. the program's decision it carries out). They are the program's, never the partner's: the
 * service sends this command only for a caller with the program operator's role.
 */
public record ChangeQualifications(@TargetAggregateIdentifier PartnerId partnerId, Set<String> qualifications,
                                   UserId changedBy, String reason, Instant at) {

    public ChangeQualifications {
        Objects.requireNonNull(partnerId, "partner id is required");
        qualifications = Text.qualifications(qualifications);
        Objects.requireNonNull(changedBy, "the acting user is required");
        Text.require("the reason", reason, 500);
        Objects.requireNonNull(at, "the instant is required");
    }
}
