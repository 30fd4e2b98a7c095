package io.benefitledger.query.technical;

import java.util.List;

/** One page of a partner's Technical benefits tab. */
public record TechnicalTab(List<TechnicalBenefitView> rows, int page, int size, long total) {

    public TechnicalTab {
        rows = List.copyOf(rows);
    }
}
