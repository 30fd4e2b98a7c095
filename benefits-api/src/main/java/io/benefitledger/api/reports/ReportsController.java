package io.benefitledger.api.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.benefitledger.api.web.PageNumber;
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
import io.benefitledger.query.reports.FindUpcomingChanges;
import io.benefitledger.query.reports.FindUtilisation;
import io.benefitledger.query.reports.UpcomingChanges;
import io.benefitledger.query.reports.ReportPage;
import io.benefitledger.query.reports.Utilisation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports for reporting teams, over every partner they were granted (a partner's own users see their partner);
 * {@code partner} narrows a report to some of them. Each report is paged and sortable as JSON, and exported whole as
 * CSV under the same path with {@code .csv}.
 */
@Tag(name = "Reports")
@RestController
@RequestMapping("/reports")
@PreAuthorize(Rights.REPORTS)
class ReportsController {

    private static final int EXPORT_PAGE = 1000;

    private final ReadModels readModels;
    private final Clock clock;
    private final Duration usualActivation;

    ReportsController(ReadModels readModels, Clock clock,
                      @Value("${ledger.reports.usual-activation-time}") Duration usualActivation) {
        this.readModels = readModels;
        this.clock = clock;
        this.usualActivation = usualActivation;
    }

    @Operation(operationId = "readUpcomingChanges", summary = "What changes in the next days, soonest first: offers expiring, renewal windows opening, "
                         + "membership years ending, benefits expiring, activations becoming overdue")
    @GetMapping("/upcoming")
    UpcomingChanges upcoming(Caller caller, @RequestParam(required = false) List<String> partner,
                             @RequestParam(defaultValue = "30") @Min(1) @Max(3660) int withinDays,
                             @RequestParam(defaultValue = "0") @PageNumber int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindUpcomingChanges(scope(caller, partner), clock.instant(), withinDays,
                usualActivation, new ReportPage(page, size, "at", false)), UpcomingChanges.class);
    }

    @Operation(operationId = "readUtilisation", summary = "Utilisation: allocated, used and remaining per partner, category and product")
    @GetMapping("/utilisation")
    Utilisation utilisation(Caller caller, @RequestParam(required = false) List<String> partner,
                            @RequestParam(required = false) BenefitKind.Tab category,
                            @RequestParam(defaultValue = "partner") String sort,
                            @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                            @RequestParam(defaultValue = "0") @PageNumber int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindUtilisation(scope(caller, partner), category,
                new ReportPage(page, size, sort, "desc".equals(direction))), Utilisation.class);
    }

    @Operation(operationId = "readUtilisationCsv", summary = "Utilisation, whole, as CSV")
    @GetMapping("/utilisation.csv")
    ResponseEntity<StreamingResponseBody> utilisationCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                         @RequestParam(required = false) BenefitKind.Tab category,
                                                         @RequestParam(defaultValue = "partner") String sort,
                                                         @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        Set<String> partners = scope(caller, partner);
        return csv(caller, "utilisation", Utilisation.Row.class, page -> utilisationPage(partners, category, sort, direction, page));
    }

    @Operation(operationId = "readExpiringOffers", summary = "Active offers expiring within a number of days, soonest first")
    @GetMapping("/expiring-offers")
    ExpiringOffers expiringOffers(Caller caller, @RequestParam(required = false) List<String> partner,
                                  @RequestParam(defaultValue = "30") @Min(1) @Max(3660) int withinDays,
                                  @RequestParam(defaultValue = "expiresAt") String sort,
                                  @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                                  @RequestParam(defaultValue = "0") @PageNumber int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindExpiringOffers(scope(caller, partner), clock.instant(), withinDays,
                new ReportPage(page, size, sort, "desc".equals(direction))), ExpiringOffers.class);
    }

    @Operation(operationId = "readExpiringOffersCsv", summary = "Expiring offers, whole, as CSV")
    @GetMapping("/expiring-offers.csv")
    ResponseEntity<StreamingResponseBody> expiringOffersCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                            @RequestParam(defaultValue = "30") @Min(1) @Max(3660) int withinDays,
                                                            @RequestParam(defaultValue = "expiresAt") String sort,
                                                            @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        Set<String> partners = scope(caller, partner);
        Instant now = clock.instant();
        return csv(caller, "expiring-offers", ExpiringOffers.Offer.class, page -> readModels.ask(new FindExpiringOffers(partners, now,
                withinDays, new ReportPage(page, EXPORT_PAGE, sort, "desc".equals(direction))), ExpiringOffers.class).rows());
    }

    @Operation(operationId = "readRefundablePackages", summary = "Packages still refundable, with deadline and time left")
    @GetMapping("/refundable-packages")
    RefundablePackages refundablePackages(Caller caller, @RequestParam(required = false) List<String> partner,
                                          @RequestParam(defaultValue = "deadline") String sort,
                                          @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                                          @RequestParam(defaultValue = "0") @PageNumber int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindRefundablePackages(scope(caller, partner), clock.instant(),
                new ReportPage(page, size, sort, "desc".equals(direction))), RefundablePackages.class);
    }

    @Operation(operationId = "readRefundablePackagesCsv", summary = "Refundable packages, whole, as CSV")
    @GetMapping("/refundable-packages.csv")
    ResponseEntity<StreamingResponseBody> refundablePackagesCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                                @RequestParam(defaultValue = "deadline") String sort,
                                                                @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        Set<String> partners = scope(caller, partner);
        Instant now = clock.instant();
        return csv(caller, "refundable-packages", RefundablePackages.Refundable.class, page -> readModels.ask(new FindRefundablePackages(
                partners, now, new ReportPage(page, EXPORT_PAGE, sort, "desc".equals(direction))), RefundablePackages.class).rows());
    }

    @Operation(operationId = "readActivationBacklog", summary = "Technical benefits and offers waiting for fulfilment, oldest first")
    @GetMapping("/activation-backlog")
    ActivationBacklog activationBacklog(Caller caller, @RequestParam(required = false) List<String> partner,
                                        @RequestParam(required = false) @Pattern(regexp = "TECHNICAL|OFFER") String kind,
                                        @RequestParam(defaultValue = "pendingSince") String sort,
                                        @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                                        @RequestParam(defaultValue = "0") @PageNumber int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindActivationBacklog(scope(caller, partner), kind, clock.instant(),
                new ReportPage(page, size, sort, "desc".equals(direction))), ActivationBacklog.class);
    }

    @Operation(operationId = "readActivationBacklogCsv", summary = "The activation backlog, whole, as CSV")
    @GetMapping("/activation-backlog.csv")
    ResponseEntity<StreamingResponseBody> activationBacklogCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                               @RequestParam(required = false) @Pattern(regexp = "TECHNICAL|OFFER") String kind,
                                                               @RequestParam(defaultValue = "pendingSince") String sort,
                                                               @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        Set<String> partners = scope(caller, partner);
        Instant now = clock.instant();
        return csv(caller, "activation-backlog", ActivationBacklog.Pending.class, page -> readModels.ask(new FindActivationBacklog(
                partners, kind, now, new ReportPage(page, EXPORT_PAGE, sort, "desc".equals(direction))), ActivationBacklog.class).rows());
    }

    private List<Utilisation.Row> utilisationPage(Set<String> partners, BenefitKind.Tab category, String sort, String direction, int page) {
        return readModels.ask(new FindUtilisation(partners, category,
                new ReportPage(page, EXPORT_PAGE, sort, "desc".equals(direction))), Utilisation.class).rows();
    }

    /**
     * The partners a report covers: those the caller may read, or the requested ones, each of which the caller must
     * be able to read (else it is, as everywhere, not found).
     */
    private static Set<String> scope(Caller caller, List<String> requested) {
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
