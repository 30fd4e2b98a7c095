package io.benefitledger.query.visualstudio;

import java.util.List;

/** One page of a partner's Visual Studio subscriptions tab, with how many seats are assigned of all. */
public record VisualStudioTab(List<VisualStudioSeatView> rows, int page, int size, long total, long assigned) {

    public VisualStudioTab {
        rows = List.copyOf(rows);
    }
}
