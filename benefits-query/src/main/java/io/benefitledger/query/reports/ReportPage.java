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
}
