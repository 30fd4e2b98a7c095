package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.cloud.CloudTab;
import io.benefitledger.query.cloud.FindCloudBenefits;
import io.benefitledger.query.reports.ActivationBacklog;
import io.benefitledger.query.reports.FindPendingBenefits;
import io.benefitledger.query.reports.FindUpcomingChanges;
import io.benefitledger.query.reports.FindUtilisation;
import io.benefitledger.query.reports.PagedReports;
import io.benefitledger.query.reports.PendingActivations;
import io.benefitledger.query.reports.UpcomingChanges;
import io.benefitledger.query.reports.Utilisation;
import io.benefitledger.query.software.FindSoftwareBenefits;
import io.benefitledger.query.software.SoftwareTab;
import io.benefitledger.query.technical.FindTechnicalBenefits;
import io.benefitledger.query.technical.TechnicalTab;
import io.benefitledger.query.visualstudio.FindVisualStudioSeats;
import io.benefitledger.query.visualstudio.VisualStudioTab;
import io.benefitledger.query.year.MembershipYearView;
import io.benefitledger.query.year.PackageYears;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The four tabs of benefits as filtered reads of their one read model, and the reports it answers. */
@Component
class BenefitQueries {

    private static final Sort TAB_ORDER = Sort.by("openedAt", "benefitId");
    private static final Map<String, String> UTILISATION_ORDER = Map.of("partner", "partner_id", "category", "category",
            "product", "product", "allocated", "allocated", "used", "used", "remaining", "remaining");

    private final BenefitRowRepository rows;
    private final PagedReports reports;
    private final PackageYears years;

    BenefitQueries(BenefitRowRepository rows, NamedParameterJdbcTemplate jdbc, PackageYears years) {
        this.rows = rows;
        this.years = years;
        this.reports = new PagedReports(jdbc);
    }

    @QueryHandler
    SoftwareTab handle(FindSoftwareBenefits query) {
        Page<BenefitRow> page = tab(query.partnerId(), BenefitKind.Tab.SOFTWARE, query.status(), query.page(), query.size());
        return new SoftwareTab(withYears(query.partnerId(), page, BenefitRow::software), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    @QueryHandler
    CloudTab handle(FindCloudBenefits query) {
        Page<BenefitRow> page = tab(query.partnerId(), BenefitKind.Tab.CLOUD, query.status(), query.page(), query.size());
        return new CloudTab(withYears(query.partnerId(), page, BenefitRow::cloud), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    @QueryHandler
    VisualStudioTab handle(FindVisualStudioSeats query) {
        Page<BenefitRow> page = tab(query.partnerId(), BenefitKind.Tab.VISUAL_STUDIO, query.status(), query.page(),
                query.size());
        return new VisualStudioTab(withYears(query.partnerId(), page, BenefitRow::seat), page.getNumber(), page.getSize(),
                page.getTotalElements(),
                rows.countByPartnerIdAndTabAndStatus(query.partnerId(), BenefitKind.Tab.VISUAL_STUDIO, BenefitStatus.ACTIVE));
    }

    @QueryHandler
    TechnicalTab handle(FindTechnicalBenefits query) {
        Page<BenefitRow> page = tab(query.partnerId(), BenefitKind.Tab.TECHNICAL, query.status(), query.page(), query.size());
        return new TechnicalTab(withYears(query.partnerId(), page, BenefitRow::technical), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    /** How much of each product the partners have used, from the counts kept beside the rows. */
    @QueryHandler
    Utilisation handle(FindUtilisation query) {
        PagedReports.Paged<Utilisation.Row> found = reports.page("""
                        select partner_id, category, product, unit, allocated, used, allocated - used as remaining
                        from utilisation
                        where partner_id in (:partners) and benefits > 0
                          and (cast(:category as varchar) is null or category = :category)""",
                new MapSqlParameterSource("partners", query.partners())
                        .addValue("category", query.category() == null ? null : query.category().name()),
                query.partners(), query.page(), UTILISATION_ORDER, "partner_id, category, product, unit",
                (row, index) -> new Utilisation.Row(row.getString("partner_id"),
                        BenefitKind.Tab.valueOf(row.getString("category")), row.getString("product"),
                        row.getString("unit"), row.getLong("allocated"), row.getLong("used"), row.getLong("remaining")));
        return new Utilisation(found.rows(), query.page().page(), query.page().size(), found.total());
    }

    /** The benefits assigned and waiting for their activation's fulfilment: the backlog's share of this read model. */
    @QueryHandler
    PendingActivations handle(FindPendingBenefits query) {
        PagedReports.Paged<ActivationBacklog.Pending> found = reports.page("""
                        select partner_id, kind, benefit_id as id, package_id, name, pending_since
                        from benefit where status = 'PENDING' and partner_id in (:partners)""",
                new MapSqlParameterSource("partners", query.partners()), query.partners(), query.page(),
                PendingActivations.ORDER, PendingActivations.TIE_BREAK, PendingActivations.rows(query.now()));
        return new PendingActivations(found.rows(), found.total());
    }

    /** The benefits' share of the upcoming changes: pending activations that pass their usual time. */
    @QueryHandler
    UpcomingChanges.Share handle(FindUpcomingChanges.Benefits share) {
        FindUpcomingChanges query = share.report();
        PagedReports.Paged<UpcomingChanges.Change> found = reports.page("""
                        select partner_id, 'ACTIVATION_OVERDUE' as kind, benefit_id as subject, package_id, name,
                               pending_since + :usualSeconds * interval '1 second' as at
                        from benefit where status = 'PENDING' and partner_id in (:partners)
                          and pending_since + :usualSeconds * interval '1 second' <= :until""",
                new MapSqlParameterSource("partners", query.partners())
                        .addValue("until", Timestamp.from(query.until()))
                        .addValue("usualSeconds", query.usualActivation().toSeconds()),
                query.partners(), share.first(), UpcomingChanges.ORDER, UpcomingChanges.TIE_BREAK,
                (row, index) -> UpcomingChanges.Change.read(row, query.now()));
        return new UpcomingChanges.Share(found.rows(), found.total());
    }

    /** The page's rows, each with its package's membership year: one read of the years for the whole page. */
    private <V> List<V> withYears(String partnerId, Page<BenefitRow> page, BiFunction<BenefitRow, MembershipYearView, V> view) {
        Map<String, MembershipYearView> years = this.years.of(partnerId, page.map(BenefitRow::packageId).getContent());
        return page.map(row -> view.apply(row, years.get(row.packageId()))).getContent();
    }

    private Page<BenefitRow> tab(String partnerId, BenefitKind.Tab tab, BenefitStatus status, int page, int size) {
        PageRequest request = PageRequest.of(page, size, TAB_ORDER);
        return status == null ? rows.findByPartnerIdAndTab(partnerId, tab, request)
                : rows.findByPartnerIdAndTabAndStatus(partnerId, tab, status, request);
    }
}
