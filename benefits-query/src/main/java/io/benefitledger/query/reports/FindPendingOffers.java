package io.benefitledger.query.reports;

import java.time.Instant;
import java.util.Set;

/** The offers of some partners whose activation waits for confirmation, the first of them in {@code page}'s order. */
public record FindPendingOffers(Set<String> partners, Instant now, ReportPage page) {

    public FindPendingOffers {
        partners = Set.copyOf(partners);
    }
}
