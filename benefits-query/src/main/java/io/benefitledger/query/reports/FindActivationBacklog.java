package io.benefitledger.query.reports;

import java.time.Instant;
import java.util.Set;

/**
 * What waits for fulfilment: technical benefits assigned and not yet activated, and Go-To-Market offers whose
 * activation was requested and not yet confirmed, with how long each has waited at {@code now}. {@code kind} narrows
 * it to TECHNICAL or OFFER.
 */
public record FindActivationBacklog(Set<String> partners, String kind, Instant now, ReportPage page) {

    public FindActivationBacklog {
        partners = Set.copyOf(partners);
    }
}
