package io.benefitledger.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * How the read models' values are bound to and read from their columns by the projections' JDBC statements. Every
 * value is bound with its type, so the driver never asks the database what a null parameter is.
 */
public final class Columns {

    private Columns() {
    }

    /**
     * The ids a batch's rows are read by, as one text array: {@code from unnest(?) as aggregate (id) join <table> on
     * <column> = aggregate.id}, one statement text whatever the number of ids. Not {@code <column> = any (?)}: after
     * five executions the driver's server-prepared statement runs on PostgreSQL's generic plan, which, not seeing
     * the array, scanned the whole table (190 ms a batch on 80,000 benefits); a join on the array's elements stays
     * a nested loop over the index.
     */
    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    public static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    public static void text(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        text(statement, index, value == null ? null : value.name());
    }

    public static void texts(PreparedStatement statement, int index, List<String> values) throws SQLException {
        if (values == null) {
            statement.setNull(index, Types.ARRAY);
        } else {
            statement.setArray(index, texts(statement.getConnection(), values));
        }
    }

    public static void instant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static List<String> texts(ResultSet row, String column) throws SQLException {
        Array value = row.getArray(column);
        return value == null ? null : List.of((String[]) value.getArray());
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
