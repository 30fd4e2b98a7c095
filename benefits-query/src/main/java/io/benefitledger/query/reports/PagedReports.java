package io.benefitledger.query.reports;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** How each feature answers a report from its own read model: one page of rows and their total, in one query. */
public final class PagedReports {

    /** One page of a report's rows, and how many rows the whole report has. */
    public record Paged<T>(List<T> rows, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public PagedReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of {@code report}'s rows and the number of all its rows, counted in the same query. */
    public <T> Paged<T> page(String report, MapSqlParameterSource parameters, Set<String> partners, ReportPage page,
                             Map<String, String> order, String tieBreak, RowMapper<T> rows) {
        if (partners.isEmpty()) {
            return new Paged<>(List.of(), 0);
        }
        AtomicLong total = new AtomicLong();
        List<T> found = jdbc.query("select *, count(*) over () as report_total from (" + report + ") report"
                                   + page.orderAndLimit(order, tieBreak), parameters, (row, index) -> {
            total.set(row.getLong("report_total"));
            return rows.mapRow(row, index);
        });
        if (found.isEmpty() && page.page() > 0) {
            // Past the last page no row carries the count.
            total.set(jdbc.queryForObject("select count(*) from (" + report + ") report", parameters, Long.class));
        }
        return new Paged<>(found, total.get());
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
