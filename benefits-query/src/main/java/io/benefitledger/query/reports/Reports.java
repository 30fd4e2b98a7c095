package io.benefitledger.query.reports;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports across the partners a reporting team is granted, answered from the read models (never by replaying
 * events): each a single query with its total counted alongside the page. Utilisation reads the counts the tab
 * projections keep ({@link UtilisationCounts}).
 */
@Component
class Reports {

    private static final Map<String, String> UTILISATION_ORDER = Map.of("partner", "partner_id", "category", "category",
            "product", "product", "allocated", "allocated", "used", "used", "remaining", "remaining");

    private static final String PENDING = """
            select partner_id, 'TECHNICAL' as kind, subscription_id as id, package_id, name, pending_since
            from technical_benefit where status = 'PENDING'
            union all
            select partner_id, 'OFFER', offer_id, package_id, name, requested_at
            from gtm_offer where status = 'PENDING'
            """;

    private static final Map<String, String> BACKLOG_ORDER = Map.of("partner", "partner_id", "kind", "kind",
            "name", "name", "pendingSince", "pending_since");

    private static final Map<String, String> EXPIRY_ORDER = Map.of("partner", "partner_id", "name", "name",
            "expiresAt", "expires_at", "activatedAt", "activated_at");

    private final NamedParameterJdbcTemplate jdbc;

    Reports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Utilisation handle(FindUtilisation query) {
        Paged<Utilisation.Row> found = page("""
                        select partner_id, category, product, unit, allocated, used, allocated - used as remaining
                        from utilisation
                        where partner_id in (:partners) and benefits > 0
                          and (cast(:category as varchar) is null or category = :category)""",
                new MapSqlParameterSource("partners", query.partners()).addValue("category", query.category()),
                query.partners(), query.page(), UTILISATION_ORDER, "partner_id, category, product, unit",
                (row, index) -> new Utilisation.Row(row.getString("partner_id"), row.getString("category"),
                        row.getString("product"), row.getString("unit"), row.getLong("allocated"),
                        row.getLong("used"), row.getLong("remaining")));
        return new Utilisation(found.rows(), query.page().page(), query.page().size(), found.total());
    }

    @QueryHandler
    ActivationBacklog handle(FindActivationBacklog query) {
        Paged<ActivationBacklog.Pending> found = page("select * from (" + PENDING + """
                        ) pending
                        where partner_id in (:partners) and (cast(:kind as varchar) is null or kind = :kind)""",
                new MapSqlParameterSource("partners", query.partners()).addValue("kind", query.kind()),
                query.partners(), query.page(), BACKLOG_ORDER, "partner_id, kind, id",
                (row, index) -> {
                    Instant since = instant(row, "pending_since");
                    return new ActivationBacklog.Pending(row.getString("partner_id"), row.getString("kind"),
                            row.getString("id"), row.getString("package_id"), row.getString("name"), since,
                            Duration.between(since, query.now()));
                });
        return new ActivationBacklog(found.rows(), query.page().page(), query.page().size(), found.total());
    }

    @QueryHandler
    ExpiringOffers handle(FindExpiringOffers query) {
        Paged<ExpiringOffers.Offer> found = page("""
                        select * from gtm_offer
                        where partner_id in (:partners) and status = 'ACTIVE'
                          and expires_at > :now and expires_at <= :until""",
                new MapSqlParameterSource("partners", query.partners())
                        .addValue("now", Timestamp.from(query.now()))
                        .addValue("until", Timestamp.from(query.now().plus(Duration.ofDays(query.withinDays())))),
                query.partners(), query.page(), EXPIRY_ORDER, "partner_id, offer_id",
                (row, index) -> {
                    Instant expires = instant(row, "expires_at");
                    return new ExpiringOffers.Offer(row.getString("partner_id"), row.getString("offer_id"),
                            row.getString("package_id"), row.getString("name"), instant(row, "activated_at"), expires,
                            Duration.between(query.now(), expires));
                });
        return new ExpiringOffers(found.rows(), query.page().page(), query.page().size(), found.total());
    }

    private record Paged<T>(List<T> rows, long total) {
    }

    /** One page of {@code report}'s rows and the number of all its rows, counted in the same query. */
    private <T> Paged<T> page(String report, MapSqlParameterSource parameters, Set<String> partners, ReportPage page,
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

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
