package io.benefitledger.query.software;

import java.util.List;

/** One page of a partner's Software tab. */
public record SoftwareTab(List<SoftwareBenefitView> rows, int page, int size, long total) {

    public SoftwareTab {
        rows = List.copyOf(rows);
    }
}
