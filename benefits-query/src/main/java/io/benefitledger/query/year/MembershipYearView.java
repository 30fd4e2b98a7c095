package io.benefitledger.query.year;

import java.time.Instant;

/**
 * The membership year a tab row's package belongs to, as recorded: from {@code start} to its {@code anniversary},
 * renewable from {@code renewalWindowOpens}, its benefits usable until {@code graceEnds}; {@code status} is where it
 * stands now.
 */
public record MembershipYearView(Instant start, Instant renewalWindowOpens, Instant anniversary, Instant graceEnds,
                                 PackageYear.Status status) {
}
