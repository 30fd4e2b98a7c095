package io.benefitledger.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.api.audit.AuditTrail;
import io.benefitledger.api.audit.SafeMark;
import io.benefitledger.api.audit.TamperEvidence;
import io.benefitledger.api.audit.TimeTravel;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.PersonalDataMasking;
import io.benefitledger.api.security.Rights;
import io.benefitledger.partner.PartnerId;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * For auditors: a partner's or one aggregate's history as a timeline (who, when, through which request), the
 * aggregate as it stood at an instant the auditor picks, and the verification of the hash chains. The same services
 * answer the audit API ({@code /partners/{partnerId}/audit/…}).
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/audit")
class AuditPage {

    /** Events a timeline shows, oldest first; the audit API pages through the rest. */
    private static final int TIMELINE = 200;

    private final AuditTrail trail;
    private final SafeMark safeMark;
    private final TimeTravel timeTravel;
    private final TamperEvidence tamperEvidence;
    private final ObjectMapper json;
    private final Clock clock;

    AuditPage(AuditTrail trail, SafeMark safeMark, TimeTravel timeTravel, TamperEvidence tamperEvidence, ObjectMapper json,
              Clock clock) {
        this.trail = trail;
        this.safeMark = safeMark;
        this.timeTravel = timeTravel;
        this.tamperEvidence = tamperEvidence;
        this.json = json;
        this.clock = clock;
    }

    /** @param at the "as of" date picker's value, in UTC to the second */
    @PreAuthorize(Rights.AUDIT)
    @GetMapping
    ModelAndView audit(@PathVariable String partnerId, Caller caller,
                       @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}") String aggregate,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at)
            throws JsonProcessingException {
        String partner = new PartnerId(partnerId).value();
        Instant asOf = at == null ? clock.instant() : at.toInstant(ZoneOffset.UTC);
        if (at != null && (asOf.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || asOf.isAfter(clock.instant().plus(366, ChronoUnit.DAYS)))) {
            throw new IllegalArgumentException("at: an instant from 2000-01-01 to a year from now");
        }
        // the events recorded by the instant: before at + 1 s, since the picker names whole seconds
        Instant until = at == null ? null : asOf.plusSeconds(1);
        List<AuditTrail.RecordedEvent> timeline = trail.history(partner,
                new AuditTrail.Filter(aggregate, null, null, null, until), safeMark.position(), 0, TIMELINE);
        ModelAndView page = Tabs.page("audit", partnerId, PersonalDataMasking.masked(timeline, partnerId, caller))
                .addObject("aggregate", aggregate)
                .addObject("at", at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString())
                .addObject("verification", tamperEvidence.verify(partner, aggregate));
        if (aggregate != null) {
            TimeTravel.AggregateAsOf state = timeTravel.asOf(partner, aggregate, asOf);
            page.addObject("state", state)
                    .addObject("stateJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(state.state()));
        }
        return page;
    }
}
