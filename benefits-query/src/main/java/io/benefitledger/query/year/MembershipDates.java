package io.benefitledger.query.year;

import java.time.Instant;

/**
 * The membership year of the package a tab row belongs to: from {@code start} to its {@code anniversary}, renewable
 * from {@code renewalWindowOpens} until {@code graceEnds}, where it stands, and the packages it renews or is renewed by.
 */
public record MembershipDates(Instant start, Instant renewalWindowOpens, Instant anniversary, Instant graceEnds,
                              PackageYear.Status status, String renewalOf, String renewedBy) {
}
