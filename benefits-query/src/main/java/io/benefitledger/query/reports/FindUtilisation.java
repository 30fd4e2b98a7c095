package io.benefitledger.query.reports;

import java.util.Set;

/**
 * How much of each product the partners have used: per partner, category and product, what was allocated, what was
 * assigned or drawn, and what remains. Revoked benefits (of refunded packages) no longer count. {@code category}
 * narrows it to one of SOFTWARE, CLOUD, VISUAL_STUDIO, TECHNICAL.
 */
public record FindUtilisation(Set<String> partners, String category, ReportPage page) {

    public FindUtilisation {
        partners = Set.copyOf(partners);
    }
}
