package io.benefitledger.query.reports;

import java.time.Instant;
import java.util.Set;

/** Active Go-To-Market offers that expire after {@code now} and within {@code withinDays} days of it. */
public record FindExpiringOffers(Set<String> partners, Instant now, int withinDays, ReportPage page) {

    public FindExpiringOffers {
        partners = Set.copyOf(partners);
    }
}
