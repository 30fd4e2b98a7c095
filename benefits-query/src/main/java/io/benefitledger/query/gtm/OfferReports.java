package io.benefitledger.query.gtm;

import io.benefitledger.query.reports.ActivationBacklog;
import io.benefitledger.query.reports.ExpiringOffers;
import io.benefitledger.query.reports.FindExpiringOffers;
import io.benefitledger.query.reports.FindPendingOffers;
import io.benefitledger.query.reports.FindUpcomingChanges;
import io.benefitledger.query.reports.UpcomingChanges;
import io.benefitledger.query.reports.PagedReports;
import io.benefitledger.query.reports.PendingActivations;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The reports the Go-To-Market read model answers: offers about to expire, and offers waiting for activation. */
@Component
class OfferReports {

    private static final Map<String, String> EXPIRY_ORDER = Map.of("partner", "partner_id", "name", "name",
            "expiresAt", "expires_at", "activatedAt", "activated_at");

    private final PagedReports reports;

    OfferReports(NamedParameterJdbcTemplate jdbc) {
        this.reports = new PagedReports(jdbc);
    }

    @QueryHandler
    ExpiringOffers handle(FindExpiringOffers query) {
        PagedReports.Paged<ExpiringOffers.Offer> found = reports.page("""
                        select * from gtm_offer
                        where partner_id in (:partners) and status = 'ACTIVE'
                          and expires_at > :now and expires_at <= :until""",
                new MapSqlParameterSource("partners", query.partners())
                        .addValue("now", Timestamp.from(query.now()))
                        .addValue("until", Timestamp.from(query.now().plus(Duration.ofDays(query.withinDays())))),
                query.partners(), query.page(), EXPIRY_ORDER, "partner_id, offer_id",
                (row, index) -> {
                    Instant expires = PagedReports.instant(row, "expires_at");
                    return new ExpiringOffers.Offer(row.getString("partner_id"), row.getString("offer_id"),
                            row.getString("package_id"), row.getString("name"), PagedReports.instant(row, "activated_at"),
                            expires, Duration.between(query.now(), expires));
                });
        return new ExpiringOffers(found.rows(), query.page().page(), query.page().size(), found.total());
    }

    /** The offers' share of the upcoming changes: active offers that expire, activations that become overdue. */
    @QueryHandler
    UpcomingChanges.Share handle(FindUpcomingChanges.Offers share) {
        FindUpcomingChanges query = share.report();
        PagedReports.Paged<UpcomingChanges.Change> found = reports.page("""
                        select partner_id, 'OFFER_EXPIRES' as kind, offer_id as subject, package_id, name, expires_at as at
                        from gtm_offer where partner_id in (:partners) and status = 'ACTIVE'
                          and expires_at > :now and expires_at <= :until
                        union all
                        select partner_id, 'ACTIVATION_OVERDUE', offer_id, package_id, name, requested_at + :usualSeconds * interval '1 second'
                        from gtm_offer where partner_id in (:partners) and status = 'PENDING'
                          and requested_at + :usualSeconds * interval '1 second' <= :until""",
                new MapSqlParameterSource("partners", query.partners()).addValue("now", Timestamp.from(query.now()))
                        .addValue("until", Timestamp.from(query.until()))
                        .addValue("usualSeconds", query.usualActivation().toSeconds()),
                query.partners(), share.first(), UpcomingChanges.ORDER, UpcomingChanges.TIE_BREAK,
                (row, index) -> UpcomingChanges.Change.read(row, query.now()));
        return new UpcomingChanges.Share(found.rows(), found.total());
    }

    /** Offers whose activation was requested and not yet confirmed: the backlog's share of this read model. */
    @QueryHandler
    PendingActivations handle(FindPendingOffers query) {
        PagedReports.Paged<ActivationBacklog.Pending> found = reports.page("""
                        select partner_id, 'OFFER' as kind, offer_id as id, package_id, name, requested_at as pending_since
                        from gtm_offer where status = 'PENDING' and partner_id in (:partners)""",
                new MapSqlParameterSource("partners", query.partners()), query.partners(), query.page(),
                PendingActivations.ORDER, PendingActivations.TIE_BREAK, PendingActivations.rows(query.now()));
        return new PendingActivations(found.rows(), found.total());
    }
}
