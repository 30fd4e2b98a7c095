package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** A Global admin changes the company account e-mail. */
public record ChangeCompanyAccountEmail(@TargetAggregateIdentifier PartnerId partnerId, EmailAddress email,
                                        UserId changedBy, Instant at) {

    public ChangeCompanyAccountEmail {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(email, "e-mail is required");
        Objects.requireNonNull(changedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
