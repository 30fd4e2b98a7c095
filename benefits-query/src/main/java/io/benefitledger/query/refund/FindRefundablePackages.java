package io.benefitledger.query.refund;

import io.benefitledger.query.reports.ReportPage;

import java.time.Instant;
import java.util.Set;

/** The packages of these partners that would get a refund now, the present instant, soonest deadline first by default. */
public record FindRefundablePackages(Set<String> partners, Instant now, ReportPage page) {

    public FindRefundablePackages {
        partners = Set.copyOf(partners);
    }
}
