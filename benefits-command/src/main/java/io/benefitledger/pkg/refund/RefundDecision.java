package io.benefitledger.pkg.refund;

import java.time.Instant;
import java.util.List;

/**
 * The refund rule's answer for a package at an instant.
 *
 * @param eligible    true when every finding holds
 * @param decidedAt   the instant the rule was applied to
 * @param deadline    the last instant at which a refund can be granted (purchase + 30 × 24 h, included)
 * @param findings    every condition with its evidence, whether it holds or not
 * @param ruleVersion the version of the rule that decided, so that a decision can be explained years later
 */
public record RefundDecision(boolean eligible, Instant decidedAt, Instant deadline, List<Finding> findings,
                             String ruleVersion) {

    public RefundDecision {
        findings = List.copyOf(findings);
    }

    /** The findings that stand against a refund; empty when eligible. */
    public List<Finding> reasons() {
        return findings.stream().filter(finding -> !finding.holds()).toList();
    }
}
