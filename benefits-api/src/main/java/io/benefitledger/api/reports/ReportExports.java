package io.benefitledger.api.reports;

import io.benefitledger.NotFound;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.PersonalDataMasking;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.query.refund.FindRefundablePackages;
import io.benefitledger.query.refund.RefundablePackages;
import io.benefitledger.query.reports.ActivationBacklog;
import io.benefitledger.query.reports.ExpiringOffers;
import io.benefitledger.query.reports.FindActivationBacklog;
import io.benefitledger.query.reports.FindExpiringOffers;
import io.benefitledger.query.reports.FindUtilisation;
import io.benefitledger.query.reports.ReportPage;
import io.benefitledger.query.reports.Utilisation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reports whole, as CSV, for the API's {@code .csv} endpoints and the Benefits page's downloads alike; and the
 * partners a report covers for a caller.
 */
@Component
public class ReportExports {

    private static final int EXPORT_PAGE = 1000;

    private final ReadModels readModels;
    private final Clock clock;

    ReportExports(ReadModels readModels, Clock clock) {
        this.readModels = readModels;
        this.clock = clock;
    }

    public ResponseEntity<StreamingResponseBody> utilisation(Caller caller, Set<String> partners, BenefitKind.Tab category,
                                                             String sort, boolean descending) {
        return csv(caller, "utilisation", Utilisation.Row.class, page -> readModels.ask(new FindUtilisation(partners, category,
                new ReportPage(page, EXPORT_PAGE, sort, descending)), Utilisation.class).rows());
    }

    public ResponseEntity<StreamingResponseBody> expiringOffers(Caller caller, Set<String> partners, int withinDays, String sort,
                                                                boolean descending) {
        Instant now = clock.instant();
        return csv(caller, "expiring-offers", ExpiringOffers.Offer.class, page -> readModels.ask(new FindExpiringOffers(partners, now,
                withinDays, new ReportPage(page, EXPORT_PAGE, sort, descending)), ExpiringOffers.class).rows());
    }

    public ResponseEntity<StreamingResponseBody> refundablePackages(Caller caller, Set<String> partners, String sort,
                                                                    boolean descending) {
        Instant now = clock.instant();
        return csv(caller, "refundable-packages", RefundablePackages.Refundable.class, page -> readModels.ask(new FindRefundablePackages(
                partners, now, new ReportPage(page, EXPORT_PAGE, sort, descending)), RefundablePackages.class).rows());
    }

    public ResponseEntity<StreamingResponseBody> activationBacklog(Caller caller, Set<String> partners, String kind, String sort,
                                                                   boolean descending) {
        Instant now = clock.instant();
        return csv(caller, "activation-backlog", ActivationBacklog.Pending.class, page -> readModels.ask(new FindActivationBacklog(
                partners, kind, now, new ReportPage(page, EXPORT_PAGE, sort, descending)), ActivationBacklog.class).rows());
    }

    /**
     * The partners a report covers: those the caller may read, or the requested ones, each of which the caller must
     * be able to read (else it is, as everywhere, not found).
     */
    public static Set<String> scope(Caller caller, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Stream.concat(caller.grantedPartners().stream(), Stream.ofNullable(caller.partner()))
                    .filter(caller::mayRead)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> partners = requested.stream().map(id -> new PartnerId(id).value()).collect(Collectors.toCollection(TreeSet::new));
        partners.stream().filter(id -> !caller.mayRead(id)).findFirst().ifPresent(id -> {
            throw new NotFound("partner", id);
        });
        return partners;
    }

    /**
     * The whole report as CSV, fetched a page at a time while it is written. The first page is fetched before the
     * response starts, so a bad sort key still gets a problem detail rather than a broken download. Streamed past
     * the JSON answers' masking, its rows are masked here.
     */
    private static ResponseEntity<StreamingResponseBody> csv(Caller caller, String report, Class<? extends Record> rowType,
                                                             IntFunction<List<? extends Record>> unmasked) {
        IntFunction<List<? extends Record>> pages = page -> PersonalDataMasking.masked(unmasked.apply(page), caller);
        List<? extends Record> first = pages.apply(0);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Csv csv = new Csv(writer, rowType);
            List<? extends Record> rows = first;
            for (int page = 1; ; page++) {
                csv.rows(rows);
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
                rows = pages.apply(page);
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report + ".csv\"")
                .body(body);
    }
}
