package io.benefitledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.NotFound;
import io.benefitledger.api.web.LedgerTime;
import io.benefitledger.api.web.PageNumber;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.refund.RefundDecision;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What compliance auditors read: a partner's event history, its export, any of its aggregates and refund decisions
 * as of any instant, and whether its history is intact.
 */
@Tag(name = "Audit")
@RestController
@RequestMapping("/partners/{partnerId}/audit")
@PreAuthorize(Rights.AUDIT)
class AuditController {

    static final String SAFE_POSITION = "Ledger-Safe-Position";

    private final AuditTrail trail;
    private final SafeMark safeMark;
    private final RefundReplay refunds;
    private final TamperEvidence tamperEvidence;
    private final TimeTravel timeTravel;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(AuditTrail trail, SafeMark safeMark, RefundReplay refunds, TamperEvidence tamperEvidence,
                    TimeTravel timeTravel, ObjectMapper json, Clock clock) {
        this.trail = trail;
        this.safeMark = safeMark;
        this.refunds = refunds;
        this.tamperEvidence = tamperEvidence;
        this.timeTravel = timeTravel;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A page of events; {@code safePosition}: every event at or below it is recorded (see {@link SafeMark});
     * {@code next}: the address of the next page, or null on the last one.
     */
    record History(List<AuditTrail.RecordedEvent> events, int page, int size, long safePosition, String next) {
    }

    /**
     * A page of the partner's events up to the safe position, optionally only one aggregate's ({@code aggregate}),
     * a package's with its seats ({@code package}), one type's ({@code type}: {@code KeysRevealed}), or those
     * recorded in {@code [from, to)}.
     */
    @Operation(operationId = "listEvents", summary = "A page of the partner's events in order, up to the safe position, optionally filtered")
    @GetMapping("/events")
    History events(@PathVariable String partnerId, @RequestParam(required = false) String aggregate,
                   @RequestParam(name = "package", required = false) String packageId,
                   @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Za-z]{0,63}", message = "is an event type, e.g. KeysRevealed") String type,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant to,
                   @RequestParam(defaultValue = "0") @PageNumber int page,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size, HttpServletRequest request) {
        String partner = new PartnerId(partnerId).value();
        long safe = safeMark.position();
        AuditTrail.Filter filter = new AuditTrail.Filter(aggregate, packageId == null ? null : new PackageId(packageId).value(),
                type, from, to);
        List<AuditTrail.RecordedEvent> events = trail.history(partner, filter, safe, page, size);
        // a full page may have a next one; a short page is the last (up to the safe position)
        String next = events.size() < size ? null : UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("page", page + 1).build().toUriString();
        return new History(events, page, size, safe, next);
    }

    @Operation(operationId = "readEvent", summary = "One event of the partner")
    @GetMapping("/events/{eventId}")
    AuditTrail.RecordedEvent event(@PathVariable String partnerId, @PathVariable String eventId) {
        return trail.event(new PartnerId(partnerId).value(), eventId).orElseThrow(() -> new NotFound("event", eventId));
    }

    /**
     * The partner's whole log from a position on, up to the safe position, one JSON event per line. The
     * {@code Ledger-Safe-Position} header names that position: resume with {@code from} one past it (or one past the
     * last event read); nothing is skipped and nothing repeated.
     */
    @Operation(operationId = "streamLog", summary = "The partner's whole log from a position on, one JSON event per line (NDJSON)")
    @GetMapping(value = "/log", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> log(@PathVariable String partnerId,
                                              @RequestParam(defaultValue = "0") @Min(0) long from) {
        String partner = new PartnerId(partnerId).value();
        long safe = safeMark.position();
        StreamingResponseBody body = out -> trail.log(partner, from, safe, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(SAFE_POSITION, Long.toString(safe)).body(body);
    }

    /** Recomputes the partner's hash chains (or one aggregate's) and names the first event that no longer matches. */
    @Operation(operationId = "verifyHashChains", summary = "Tamper evidence: recompute the partner's hash chains and name the first altered event")
    @GetMapping("/verification")
    TamperEvidence.Verification verify(@PathVariable String partnerId, @RequestParam(required = false) String aggregate) {
        return tamperEvidence.verify(new PartnerId(partnerId).value(), aggregate);
    }

    /** A package, seat, offer set or the partner itself as it stood at an instant (now by default). */
    @Operation(operationId = "readAggregateAsOf", summary = "A package, subscription, offer set or the partner as it stood at an instant")
    @GetMapping("/aggregates/{aggregateId}")
    TimeTravel.AggregateAsOf aggregateAsOf(@PathVariable String partnerId, @PathVariable String aggregateId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant at) {
        return timeTravel.asOf(new PartnerId(partnerId).value(), aggregateId, at != null ? at : clock.instant());
    }

    @Operation(operationId = "readRefundDecisionAsOf", summary = "The refund decision as of an instant, replayed from the package's own events")
    @GetMapping("/packages/{packageId}/refund-decision")
    RefundDecision refundDecision(@PathVariable String partnerId, @PathVariable String packageId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant at) {
        return refunds.decisionAsOf(new PartnerId(partnerId).value(), new PackageId(packageId).value(),
                at != null ? at : clock.instant());
    }
}
