package io.benefitledger.query.reports;

/** How every report is cut: which page, how large, ordered by which of its columns. */
public record ReportPage(int page, int size, String sort, boolean descending) {

    /** The SQL tail for this page; {@code columns} whitelists the sort keys, {@code tieBreak} makes the order total. */
    String orderAndLimit(java.util.Map<String, String> columns, String tieBreak) {
        String column = columns.get(sort);
        if (column == null) {
            throw new IllegalArgumentException("cannot sort by " + sort + "; one of " + new java.util.TreeSet<>(columns.keySet()));
        }
        return " order by " + column + (descending ? " desc" : " asc") + ", " + tieBreak
               + " limit " + size + " offset " + (long) page * size;
    }

    /**
     * What each share of a report merged from several read models is asked for: every row of this page is among the
     * first (page + 1) × size rows of one of them, in the report's order, here {@code sort}.
     */
    ReportPage firstRowsOfEachShare(String sort, boolean descending) {
        return new ReportPage(0, Math.multiplyExact(page + 1, size), sort, descending);
    }

    /** This page of the shares' rows, already merged into the report's order. */
    <T> java.util.List<T> of(java.util.stream.Stream<T> merged) {
        return merged.skip((long) page * size).limit(size).toList();
    }
}
