package io.benefitledger.query.year;

import io.benefitledger.query.reports.FindUpcomingChanges;
import io.benefitledger.query.reports.PagedReports;
import io.benefitledger.query.reports.UpcomingChanges;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** The membership years' share of the upcoming changes: windows that open, years that end, benefits that expire. */
@Component
class PackageYearQueries {

    private final PagedReports reports;

    PackageYearQueries(NamedParameterJdbcTemplate jdbc) {
        this.reports = new PagedReports(jdbc);
    }

    @QueryHandler
    UpcomingChanges.Share handle(FindUpcomingChanges.Years share) {
        FindUpcomingChanges query = share.report();
        PagedReports.Paged<UpcomingChanges.Change> found = reports.page("""
                        select partner_id, 'RENEWAL_WINDOW_OPENS' as kind, package_id as subject, package_id, offering as name,
                               renewal_window_opens as at
                        from package_year where partner_id in (:partners) and status = 'RUNNING'
                          and renewal_window_opens > :now and renewal_window_opens <= :until
                        union all
                        select partner_id, 'YEAR_ENDS', package_id, package_id, offering, anniversary
                        from package_year where partner_id in (:partners) and status in ('RUNNING', 'RENEWAL_OPEN')
                          and anniversary > :now and anniversary <= :until
                        union all
                        select partner_id, 'BENEFITS_EXPIRE', package_id, package_id, offering, grace_ends
                        from package_year where partner_id in (:partners) and status in ('RUNNING', 'RENEWAL_OPEN', 'IN_GRACE')
                          and grace_ends > :now and grace_ends <= :until""",
                new MapSqlParameterSource("partners", query.partners()).addValue("now", Timestamp.from(query.now()))
                        .addValue("until", Timestamp.from(query.until())),
                query.partners(), share.first(), UpcomingChanges.ORDER, UpcomingChanges.TIE_BREAK,
                (row, index) -> UpcomingChanges.Change.read(row, query.now()));
        return new UpcomingChanges.Share(found.rows(), found.total());
    }
}
