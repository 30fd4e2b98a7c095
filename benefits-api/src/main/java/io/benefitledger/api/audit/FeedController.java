package io.benefitledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;

import io.benefitledger.NotFound;
import io.benefitledger.api.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * The history of every partner a reader was granted, for loading into a warehouse: in recorded order, a page at a
 * time, up to the safe position (see {@link SafeMark}). Resume with {@code after} set to the answer's {@code next}:
 * nothing is skipped, even an event that committed after a later one, and nothing is repeated. A reporting user sees
 * personal data ({@code PersonalData}: who acted, user ids, names, e-mail addresses, phone numbers) masked, as in the
 * tabs; an auditor sees it as recorded.
 */
@RestController
@RequestMapping("/audit/feed")
@PreAuthorize("hasAnyRole('AUDITOR', 'REPORTING')")
class FeedController {

    /**
     * @param next         where to resume: the last event's position, or the safe position when the page is not full
     * @param safePosition every event at or below it is recorded
     */
    record Feed(List<AuditTrail.RecordedEvent> events, long next, long safePosition) {
    }

    private final AuditTrail trail;
    private final SafeMark safeMark;

    FeedController(AuditTrail trail, SafeMark safeMark) {
        this.trail = trail;
        this.safeMark = safeMark;
    }

    /** @param partner some of the granted partners only; all of them when absent */
    @Operation(operationId = "readFeed", summary = "The history of every granted partner for a warehouse: a page of events after a cursor, up to the safe position", tags = {"Audit", "Reports"})
    @GetMapping
    Feed feed(Caller caller, @RequestParam(defaultValue = "0") @Min(0) long after,
              @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
              @RequestParam(required = false) Set<String> partner) {
        Set<String> partners = partner == null ? caller.grantedPartners() : partner;
        partners.stream().filter(requested -> !caller.grantedPartners().contains(requested)).findFirst()
                .ifPresent(unknown -> {
                    throw new NotFound("partner", unknown);
                });
        long safe = safeMark.position();
        List<AuditTrail.RecordedEvent> events = partners.isEmpty() ? List.of()
                : trail.across(partners, after, safe, limit, caller::seesPersonalDataMaskedOf);
        long next = events.size() == limit ? events.get(events.size() - 1).position() : Math.max(after, safe);
        return new Feed(events, next, safe);
    }
}
