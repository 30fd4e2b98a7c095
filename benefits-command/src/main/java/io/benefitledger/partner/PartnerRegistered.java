package io.benefitledger.partner;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** A partner company joined the ledger. */
@Revision("1")
public record PartnerRegistered(PartnerId partnerId, String companyName, EmailAddress companyAccountEmail,
                                Set<String> qualifications, Instant at) {
}
