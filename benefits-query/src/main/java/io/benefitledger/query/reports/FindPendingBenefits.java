package io.benefitledger.query.reports;

import java.time.Instant;
import java.util.Set;

/** The benefits of some partners whose activation waits for fulfilment, the first of them in {@code page}'s order. */
public record FindPendingBenefits(Set<String> partners, Instant now, ReportPage page) {

    public FindPendingBenefits {
        partners = Set.copyOf(partners);
    }
}
