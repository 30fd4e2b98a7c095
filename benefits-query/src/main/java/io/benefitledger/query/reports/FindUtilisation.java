package io.benefitledger.query.reports;

import io.benefitledger.benefit.BenefitKind;

import java.util.Set;

/**
 * How much of each product the partners have used: per partner, category and product, what was allocated, what was
 * assigned or drawn, and what remains. Revoked benefits (of refunded packages) no longer count. {@code category}
 * narrows it to one tab.
 */
public record FindUtilisation(Set<String> partners, BenefitKind.Tab category, ReportPage page) {

    public FindUtilisation {
        partners = Set.copyOf(partners);
    }
}
