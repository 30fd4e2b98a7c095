package io.benefitledger.api.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Report rows as CSV (RFC 4180): a header of the row's field names, then one line per row. A cell that a spreadsheet
 * would run as a formula (a partner-chosen name starting with {@code =}, say) is prefixed with an apostrophe.
 */
final class Csv {

    private final Writer out;
    private final RecordComponent[] columns;

    Csv(Writer out, Class<? extends Record> rowType) {
        this.out = out;
        this.columns = rowType.getRecordComponents();
        line(Arrays.stream(columns).map(RecordComponent::getName).toList());
    }

    void rows(List<? extends Record> rows) {
        rows.forEach(row -> line(Arrays.stream(columns).map(column -> value(column, row)).toList()));
    }

    private static String value(RecordComponent column, Record row) {
        try {
            Object value = column.getAccessor().invoke(row);
            return value == null ? "" : value.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void line(List<String> cells) {
        try {
            out.write(cells.stream().map(Csv::cell).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? '"' + safe.replace("\"", "\"\"") + '"'
                : safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
