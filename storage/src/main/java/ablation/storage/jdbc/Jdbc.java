package ablation.storage.jdbc;

import ablation.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one place that talks JDBC: borrows pooled connections, binds parameters, maps rows, runs
 * transactions, and turns every {@link SQLException} into a {@link StoreException} that names the
 * store. The repositories ({@code Studies}, {@code Runs}, ...) are written against this class so
 * that no JDBC type leaks out of the storage module.
 */
public final class Jdbc {
    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection (inside a transaction when run by {@link #inTransaction}). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String url;

    public Jdbc(DataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** Runs work on a connection in auto-commit mode. */
    public <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw ConnectionErrors.translate(url, e);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw ConnectionErrors.translate(url, e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> query(c, sql, mapper, params));
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> update(c, sql, params));
    }

    /** Inserts one row and returns its generated {@code id}. */
    public long insert(String sql, Object... params) {
        return withConnection(c -> insert(c, sql, params));
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    public static long insert(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated id for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Binds parameters by position. {@link Instant} becomes a timestamp with time zone; {@link Null}
     * carries the SQL type of a NULL, which PostgreSQL needs.
     */
    public static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof Null typed) {
                statement.setNull(i + 1, typed.sqlType());
            } else if (p == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    /** A typed SQL NULL parameter. */
    public record Null(int sqlType) {
        public static final Null BIGINT = new Null(Types.BIGINT);
        public static final Null DOUBLE = new Null(Types.DOUBLE);
        public static final Null TIMESTAMP = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** A nullable long parameter. */
    public static Object nullableLong(Long value) {
        return value == null ? Null.BIGINT : value;
    }

    /** A nullable double parameter. */
    public static Object nullableDouble(Double value) {
        return value == null ? Null.DOUBLE : value;
    }

    /** A nullable timestamp parameter. */
    public static Object nullableInstant(Instant value) {
        return value == null ? Null.TIMESTAMP : value;
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** {@code ?, ?, ?} for an IN list of the given size. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The database's clock, so that heartbeats from several machines compare on one clock. */
    public Instant now() {
        return withConnection(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
                r.next();
                return r.getObject(1, OffsetDateTime.class).toInstant();
            }
        });
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
