package org.peercircle.reporting.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.peercircle.contracts.EventJson;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Plain JDBC on the connection of the current transaction. The read models are tables of facts queried with
 * hand-written SQL; JDBC binds nulls, UUIDs, dates and arrays with the types PostgreSQL infers from the
 * statement, which is what these upserts need.
 */
@ApplicationScoped
public class Sql {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** An SQL array parameter of the given element type, e.g. {@code array("bigint", keys)}. */
    public record Array(String type, Object[] values) {
    }

    public static Array array(String type, Collection<?> values) {
        return new Array(type, values.toArray());
    }

    @Inject
    EntityManager em;

    @FunctionalInterface
    public interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T execute(Connection c) throws SQLException;
    }

    /** Set by {@link Reads} for the duration of a request's read: its own pool, read-only, with a time limit. */
    static final ThreadLocal<Connection> READ_CONNECTION = new ThreadLocal<>();

    private <T> T work(Work<T> work) {
        Connection read = READ_CONNECTION.get();
        if (read != null) {
            try {
                return work.execute(read);
            } catch (SQLException e) {
                throw new QueryFailedException(e);
            }
        }
        return em.unwrap(Session.class).doReturningWork(work::execute);
    }

    public int update(String sql, Object... params) {
        return work(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Runs statements without parameters one after the other in one round trip to the database (each with a
     * snapshot of its own, as if sent one by one): for the steps of a batch that need no answer.
     */
    public void batch(String... statements) {
        work(c -> {
            try (Statement st = c.createStatement()) {
                for (String statement : statements) {
                    st.addBatch(statement);
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /**
     * Runs a statement and then a count query, in one round trip; the count sees what committed while the statement
     * ran (it waits for a lock, say), as it would if sent on its own.
     */
    public long countAfter(String statement, String count) {
        return work(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(statement + ";\n" + count);
                while (st.getMoreResults() || st.getUpdateCount() != -1) {
                    try (ResultSet rs = st.getResultSet()) {
                        if (rs != null && rs.next()) {
                            return rs.getLong(1);
                        }
                    }
                }
                throw new SQLException("no count from " + count);
            }
        });
    }

    /**
     * Hands each row to {@code action} as the database sends it, {@code fetchSize} rows at a time (a cursor:
     * needs a transaction, which {@link Reads} and the consumers have), so no result is held in memory whole.
     */
    public void stream(String sql, int fetchSize, RowAction action, Object... params) {
        work(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(rs);
                    }
                }
                return null;
            }
        });
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return work(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.map(rs));
                }
                return result;
            }
        });
    }

    /**
     * Loads rows into a table with one binary {@code COPY} (see {@link BinaryCopy}), on the transaction's connection:
     * meant for a temporary staging table that a set-based statement then reads.
     */
    public void copyIn(String table, String columns, BinaryCopy rows) {
        work(c -> {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
            try {
                rows.writeTo(copy);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return null;
        });
    }

    public long count(String sql, Object... params) {
        return list(sql, rs -> rs.getLong(1), params).get(0);
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Array a) {
                ps.setArray(i + 1, c.createArrayOf(a.type(), a.values()));
            } else if (p instanceof Collection<?> values) {
                ps.setArray(i + 1, c.createArrayOf("uuid", values.stream().map(v -> (UUID) v).toArray()));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** A query of a request failed (a time limit, a lost connection): the request fails, nothing else. */
    public static class QueryFailedException extends RuntimeException {
        QueryFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Scores or answers by name as JSON text, as {@link #json(Object)} writes them (numbers as {@link Double#toString}) without
     * a serializer lookup and writer per value: a batch writes several per event. Null stays null.
     */
    public static String json(Map<String, Double> numbers) {
        if (numbers == null) {
            return null;
        }
        return appendJson(new StringBuilder(16 + numbers.size() * 16), numbers).toString();
    }

    /** Appends {@code numbers} as {@link #json(Map)} writes them (for {@link BinaryCopy}, without a String per map). */
    static StringBuilder appendJson(StringBuilder json, Map<String, Double> numbers) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Double> e : numbers.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"');
            if (needsEscaping(e.getKey())) {
                json.append(JsonStringEncoder.getInstance().quoteAsString(e.getKey()));
            } else {
                json.append(e.getKey());
            }
            json.append("\":");
            Double value = e.getValue();
            if (value == null) {
                json.append("null");
            } else if (value == Math.rint(value) && Math.abs(value) < 1e7 && (value != 0 || Double.doubleToRawLongBits(value) == 0)) {
                // a whole number in the range Double.toString writes as digits and ".0" (answers and most scores)
                json.append((long) value.doubleValue()).append(".0");
            } else {
                json.append(Double.toString(value));
            }
        }
        return json.append('}');
    }

    private static boolean needsEscaping(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** A value as JSON text for a {@code CAST(? AS jsonb)} parameter; null stays null. */
    public static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
