package io.benefitledger.query.cloud;

import java.util.List;

/** One page of a partner's Cloud tab. */
public record CloudTab(List<CloudBenefitView> rows, int page, int size, long total) {

    public CloudTab {
        rows = List.copyOf(rows);
    }
}
