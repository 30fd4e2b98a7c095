package io.benefitledger.query.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What changes after {@code now} and up to {@code withinDays} days later, for the partners named. A pending activation
 * changes when it passes {@code usualActivation} since it was asked for: one past it already is listed at that instant.
 */
public record FindUpcomingChanges(Set<String> partners, Instant now, int withinDays, Duration usualActivation,
                                  ReportPage page) {

    public FindUpcomingChanges {
        partners = Set.copyOf(partners);
    }

    public Instant until() {
        return now.plus(Duration.ofDays(withinDays));
    }

    /** The share each feature answers from its own read model: its first {@code first} rows. */
    public sealed interface Share permits Offers, Years, Benefits {
    }

    public record Offers(FindUpcomingChanges report, ReportPage first) implements Share {
    }

    public record Years(FindUpcomingChanges report, ReportPage first) implements Share {
    }

    public record Benefits(FindUpcomingChanges report, ReportPage first) implements Share {
    }
}
