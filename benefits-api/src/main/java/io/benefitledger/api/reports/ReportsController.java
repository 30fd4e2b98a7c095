package io.benefitledger.api.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.benefitledger.api.web.PageNumber;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.BenefitKind;
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
import org.springframework.http.ResponseEntity;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

    private final ReadModels readModels;
    private final ReportExports exports;
    private final Clock clock;
    private final Duration usualActivation;

    ReportsController(ReadModels readModels, ReportExports exports, Clock clock,
                      @Value("${ledger.reports.usual-activation-time}") Duration usualActivation) {
        this.readModels = readModels;
        this.exports = exports;
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
        return readModels.ask(new FindUpcomingChanges(ReportExports.scope(caller, partner), clock.instant(), withinDays,
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
        return readModels.ask(new FindUtilisation(ReportExports.scope(caller, partner), category,
                new ReportPage(page, size, sort, "desc".equals(direction))), Utilisation.class);
    }

    @Operation(operationId = "readUtilisationCsv", summary = "Utilisation, whole, as CSV")
    @GetMapping("/utilisation.csv")
    ResponseEntity<StreamingResponseBody> utilisationCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                         @RequestParam(required = false) BenefitKind.Tab category,
                                                         @RequestParam(defaultValue = "partner") String sort,
                                                         @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        return exports.utilisation(caller, ReportExports.scope(caller, partner), category, sort, "desc".equals(direction));
    }

    @Operation(operationId = "readExpiringOffers", summary = "Active offers expiring within a number of days, soonest first")
    @GetMapping("/expiring-offers")
    ExpiringOffers expiringOffers(Caller caller, @RequestParam(required = false) List<String> partner,
                                  @RequestParam(defaultValue = "30") @Min(1) @Max(3660) int withinDays,
                                  @RequestParam(defaultValue = "expiresAt") String sort,
                                  @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                                  @RequestParam(defaultValue = "0") @PageNumber int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindExpiringOffers(ReportExports.scope(caller, partner), clock.instant(), withinDays,
                new ReportPage(page, size, sort, "desc".equals(direction))), ExpiringOffers.class);
    }

    @Operation(operationId = "readExpiringOffersCsv", summary = "Expiring offers, whole, as CSV")
    @GetMapping("/expiring-offers.csv")
    ResponseEntity<StreamingResponseBody> expiringOffersCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                            @RequestParam(defaultValue = "30") @Min(1) @Max(3660) int withinDays,
                                                            @RequestParam(defaultValue = "expiresAt") String sort,
                                                            @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        return exports.expiringOffers(caller, ReportExports.scope(caller, partner), withinDays, sort, "desc".equals(direction));
    }

    @Operation(operationId = "readRefundablePackages", summary = "Packages still refundable, with deadline and time left")
    @GetMapping("/refundable-packages")
    RefundablePackages refundablePackages(Caller caller, @RequestParam(required = false) List<String> partner,
                                          @RequestParam(defaultValue = "deadline") String sort,
                                          @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                                          @RequestParam(defaultValue = "0") @PageNumber int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindRefundablePackages(ReportExports.scope(caller, partner), clock.instant(),
                new ReportPage(page, size, sort, "desc".equals(direction))), RefundablePackages.class);
    }

    @Operation(operationId = "readRefundablePackagesCsv", summary = "Refundable packages, whole, as CSV")
    @GetMapping("/refundable-packages.csv")
    ResponseEntity<StreamingResponseBody> refundablePackagesCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                                @RequestParam(defaultValue = "deadline") String sort,
                                                                @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        return exports.refundablePackages(caller, ReportExports.scope(caller, partner), sort, "desc".equals(direction));
    }

    @Operation(operationId = "readActivationBacklog", summary = "Technical benefits and offers waiting for fulfilment, oldest first")
    @GetMapping("/activation-backlog")
    ActivationBacklog activationBacklog(Caller caller, @RequestParam(required = false) List<String> partner,
                                        @RequestParam(required = false) @Pattern(regexp = "TECHNICAL|OFFER") String kind,
                                        @RequestParam(defaultValue = "pendingSince") String sort,
                                        @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction,
                                        @RequestParam(defaultValue = "0") @PageNumber int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return readModels.ask(new FindActivationBacklog(ReportExports.scope(caller, partner), kind, clock.instant(),
                new ReportPage(page, size, sort, "desc".equals(direction))), ActivationBacklog.class);
    }

    @Operation(operationId = "readActivationBacklogCsv", summary = "The activation backlog, whole, as CSV")
    @GetMapping("/activation-backlog.csv")
    ResponseEntity<StreamingResponseBody> activationBacklogCsv(Caller caller, @RequestParam(required = false) List<String> partner,
                                                               @RequestParam(required = false) @Pattern(regexp = "TECHNICAL|OFFER") String kind,
                                                               @RequestParam(defaultValue = "pendingSince") String sort,
                                                               @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String direction) {
        return exports.activationBacklog(caller, ReportExports.scope(caller, partner), kind, sort, "desc".equals(direction));
    }

}
