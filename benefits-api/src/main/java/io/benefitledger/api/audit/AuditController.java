package io.benefitledger.api.audit;

import io.benefitledger.api.web.LedgerTime;
import io.benefitledger.api.web.PageNumber;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.refund.RefundDecision;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What compliance auditors read: a partner's event history, its export, any of its aggregates and refund decisions
 * as of any instant, and whether its history is intact.
 */
@RestController
@RequestMapping("/partners/{partnerId}/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'GLOBAL_ADMIN')")
class AuditController {

    private final AuditTrail trail;
    private final RefundReplay refunds;
    private final TamperEvidence tamperEvidence;
    private final TimeTravel timeTravel;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(AuditTrail trail, RefundReplay refunds, TamperEvidence tamperEvidence, TimeTravel timeTravel,
                    ObjectMapper json, Clock clock) {
        this.trail = trail;
        this.refunds = refunds;
        this.tamperEvidence = tamperEvidence;
        this.timeTravel = timeTravel;
        this.json = json;
        this.clock = clock;
    }

    record History(List<AuditTrail.RecordedEvent> events, int page, int size) {
    }

    @GetMapping("/events")
    History events(@PathVariable String partnerId, @RequestParam(required = false) String aggregate,
                   @RequestParam(defaultValue = "0") @PageNumber int page,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return new History(trail.history(new PartnerId(partnerId).value(), aggregate, page, size), page, size);
    }

    /** The partner's whole log from a position on, one JSON event per line. */
    @GetMapping(value = "/log", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> log(@PathVariable String partnerId,
                                              @RequestParam(defaultValue = "0") @Min(0) long from) {
        String partner = new PartnerId(partnerId).value();
        StreamingResponseBody body = out -> trail.log(partner, from, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    /** Recomputes the partner's hash chains (or one aggregate's) and names the first event that no longer matches. */
    @GetMapping("/verification")
    TamperEvidence.Verification verify(@PathVariable String partnerId, @RequestParam(required = false) String aggregate) {
        return tamperEvidence.verify(new PartnerId(partnerId).value(), aggregate);
    }

    /** A package, seat, offer set or the partner itself as it stood at an instant (now by default). */
    @GetMapping("/aggregates/{aggregateId}")
    TimeTravel.AggregateAsOf aggregateAsOf(@PathVariable String partnerId, @PathVariable String aggregateId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant at) {
        return timeTravel.asOf(new PartnerId(partnerId).value(), aggregateId, at != null ? at : clock.instant());
    }

    @GetMapping("/packages/{packageId}/refund-decision")
    RefundDecision refundDecision(@PathVariable String partnerId, @PathVariable String packageId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant at) {
        return refunds.decisionAsOf(new PartnerId(partnerId).value(), new PackageId(packageId).value(),
                at != null ? at : clock.instant());
    }
}
