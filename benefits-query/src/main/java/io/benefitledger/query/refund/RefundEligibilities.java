package io.benefitledger.query.refund;

import io.benefitledger.pkg.refund.RefundDecision;

import java.util.List;

/** One page of a partner's packages with the refund rule's decision for each. */
public record RefundEligibilities(List<PackageDecision> rows, int page, int size, long total) {

    public record PackageDecision(String packageId, RefundDecision decision) {
    }

    public RefundEligibilities {
        rows = List.copyOf(rows);
    }
}
