package io.benefitledger.partner;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The company account e-mail is now {@code email}. */
@Revision("1")
public record CompanyAccountEmailChanged(PartnerId partnerId, EmailAddress email, UserId changedBy, Instant at) {
}
