package io.benefitledger.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A partner company joins the ledger with its company account e-mail, its partner level and competencies
 * ({@code qualifications}, e.g. "Silver Core") and its first Global admin.
 */
public record RegisterPartner(@TargetAggregateIdentifier PartnerId partnerId, String companyName,
                              EmailAddress companyAccountEmail, Set<String> qualifications,
                              UserId firstAdmin, String firstAdminName, EmailAddress firstAdminEmail, Instant at) {

    public RegisterPartner {
        Objects.requireNonNull(partnerId, "partner id is required");
        Text.require("company name", companyName, 255);
        Objects.requireNonNull(companyAccountEmail, "the company account e-mail is required");
        qualifications = Text.qualifications(qualifications);
        Objects.requireNonNull(firstAdmin, "the first Global admin is required");
        Text.require("the first admin's name", firstAdminName, 255);
        Objects.requireNonNull(firstAdminEmail, "the first admin's e-mail is required");
        Objects.requireNonNull(at, "the instant is required");
    }
}
