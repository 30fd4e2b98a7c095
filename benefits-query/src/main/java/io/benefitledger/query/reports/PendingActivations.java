package io.benefitledger.query.reports;

import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A feature's share of the activation backlog: its first rows in the report's order, and how many it has. */
public record PendingActivations(List<ActivationBacklog.Pending> rows, long total) {

    public PendingActivations {
        rows = List.copyOf(rows);
    }

    /** The orders the backlog is sorted by, as each feature's table names them; strings compare as Java does. */
    public static final Map<String, String> ORDER = Map.of("partner", "partner_id collate \"C\"",
            "kind", "kind", "name", "name collate \"C\"", "pendingSince", "pending_since");
    public static final String TIE_BREAK = "partner_id collate \"C\", kind, id collate \"C\"";

    /** A share's row, selected as partner_id, kind, id, package_id, name and pending_since, with its age at {@code now}. */
    public static RowMapper<ActivationBacklog.Pending> rows(Instant now) {
        return (row, index) -> {
            Instant since = PagedReports.instant(row, "pending_since");
            return new ActivationBacklog.Pending(row.getString("partner_id"), row.getString("kind"), row.getString("id"),
                    row.getString("package_id"), row.getString("name"), since, Duration.between(since, now));
        };
    }
}
