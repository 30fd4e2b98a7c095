package io.benefitledger.query.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of what changes between now and the end of the window, soonest first: offers that expire, renewal windows
 * that open, membership years that end, packages whose benefits expire (grace over unrenewed), and activations that
 * pass their usual time still pending.
 */
public record UpcomingChanges(Instant from, Instant until, List<Change> rows, int page, int size, long total) {

    public enum Kind { OFFER_EXPIRES, RENEWAL_WINDOW_OPENS, YEAR_ENDS, BENEFITS_EXPIRE, ACTIVATION_OVERDUE }

    /** {@code subject} is the offer, package or benefit that changes; {@code at} when, {@code timeLeft} until then. */
    public record Change(String partnerId, Kind kind, String subject, String packageId, String name, Instant at,
                         Duration timeLeft) {

        /** A row of a feature's share, as its query selects it: partner_id, kind, subject, package_id, name, at. */
        public static Change read(ResultSet row, Instant now) throws SQLException {
            Instant at = PagedReports.instant(row, "at");
            return new Change(row.getString("partner_id"), Kind.valueOf(row.getString("kind")), row.getString("subject"),
                    row.getString("package_id"), row.getString("name"), at, Duration.between(now, at));
        }
    }

    /** A feature's share: its first rows in the report's order, and how many it has. */
    public record Share(List<Change> rows, long total) {
        public Share {
            rows = List.copyOf(rows);
        }
    }

    /** Each feature's rows are ordered by instant and then as one: strings compare as Java does. */
    public static final Map<String, String> ORDER = Map.of("at", "at");
    public static final String TIE_BREAK = "partner_id collate \"C\", kind, subject collate \"C\"";

    public UpcomingChanges {
        rows = List.copyOf(rows);
    }
}
