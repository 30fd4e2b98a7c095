package io.benefitledger.api.console;

import io.benefitledger.api.reports.ReportExports;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.PersonalDataMasking;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.query.refund.FindRefundablePackages;
import io.benefitledger.query.refund.RefundablePackages;
import io.benefitledger.query.reports.ExpiringOffers;
import io.benefitledger.query.reports.FindExpiringOffers;
import io.benefitledger.query.reports.FindUtilisation;
import io.benefitledger.query.reports.ReportPage;
import io.benefitledger.query.reports.Utilisation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * For reporting teams, across the partners they may read: utilisation as a bar chart (SVG drawn here, no script),
 * offers expiring within 30 days, packages still refundable, and each report whole as CSV (the API's exports).
 */
@Controller
@RequestMapping("/console/reports")
@PreAuthorize(Rights.REPORTS)
class ReportsPage {

    /** Rows the page shows of each report; the CSV downloads hold them all. */
    private static final int ROWS = 100;
    private static final int EXPIRING_WITHIN_DAYS = 30;

    private final ReadModels readModels;
    private final ReportExports exports;
    private final Clock clock;

    ReportsPage(ReadModels readModels, ReportExports exports, Clock clock) {
        this.readModels = readModels;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping
    ModelAndView reports(Caller caller) {
        Set<String> partners = ReportExports.scope(caller, null);
        Instant now = clock.instant();
        Utilisation utilisation = readModels.ask(new FindUtilisation(partners, null, new ReportPage(0, ROWS, "partner", false)),
                Utilisation.class);
        ExpiringOffers expiring = readModels.ask(new FindExpiringOffers(partners, now, EXPIRING_WITHIN_DAYS,
                new ReportPage(0, ROWS, "expiresAt", false)), ExpiringOffers.class);
        RefundablePackages refundable = readModels.ask(new FindRefundablePackages(partners, now,
                new ReportPage(0, ROWS, "deadline", false)), RefundablePackages.class);
        return new ModelAndView("console/reports")
                .addObject("partners", partners)
                .addObject("chart", UtilisationChart.of(utilisation.rows()))
                .addObject("expiring", PersonalDataMasking.masked(expiring, caller))
                .addObject("refundable", PersonalDataMasking.masked(refundable, caller))
                .addObject("withinDays", EXPIRING_WITHIN_DAYS);
    }

    @GetMapping("/utilisation.csv")
    ResponseEntity<StreamingResponseBody> utilisationCsv(Caller caller) {
        return exports.utilisation(caller, ReportExports.scope(caller, null), null, "partner", false);
    }

    @GetMapping("/expiring-offers.csv")
    ResponseEntity<StreamingResponseBody> expiringOffersCsv(Caller caller) {
        return exports.expiringOffers(caller, ReportExports.scope(caller, null), EXPIRING_WITHIN_DAYS, "expiresAt", false);
    }

    @GetMapping("/refundable-packages.csv")
    ResponseEntity<StreamingResponseBody> refundablePackagesCsv(Caller caller) {
        return exports.refundablePackages(caller, ReportExports.scope(caller, null), "deadline", false);
    }

    /** Utilisation as horizontal bars, each under its label: allocated in grey, used over it, both to one scale. */
    record UtilisationChart(List<Bar> bars, int height) {

        static final int BAR_WIDTH = 640;
        static final int ROW_HEIGHT = 42;

        record Bar(String label, long allocated, long used, int allocatedWidth, int usedWidth, int y) {
        }

        static UtilisationChart of(List<Utilisation.Row> rows) {
            long most = rows.stream().mapToLong(Utilisation.Row::allocated).max().orElse(1);
            List<Bar> bars = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Utilisation.Row row = rows.get(i);
                bars.add(new Bar(row.partnerId() + " · " + row.category() + " · " + row.product(), row.allocated(), row.used(),
                        width(row.allocated(), most), width(row.used(), most), i * ROW_HEIGHT));
            }
            return new UtilisationChart(bars, Math.max(1, bars.size()) * ROW_HEIGHT + 4);
        }

        private static int width(long value, long most) {
            return most <= 0 ? 0 : (int) Math.round((double) BAR_WIDTH * value / most);
        }
    }
}
