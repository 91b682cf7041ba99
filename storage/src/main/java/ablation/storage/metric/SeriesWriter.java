package ablation.storage.metric;

import ablation.storage.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write side of metric series, on the caller's transaction: inserts points in multi-row JDBC
 * batches, then brings each touched series' summary and rollup buckets up to date.
 */
final class SeriesWriter {
    /** Rollup levels: level L has buckets of 16^L steps. */
    static final int LEVELS = 5;

    private static final int ROWS_PER_INSERT = 100;
    private static final String INSERT_ROW = "(?, ?, ?, ?)";
    private static final String INSERT = "INSERT INTO metric_points (series_step, val, flag, wall_ms) VALUES ";

    private SeriesWriter() {}

    static long width(int level) {
        return 1L << (4 * level);
    }

    /** Inserts the buffered points and updates summaries and rollups. */
    static void write(Connection c, PointBuffer points) throws SQLException {
        insertPoints(c, points);
        Map<Long, List<Integer>> bySeries = new HashMap<>();
        for (int i = 0; i < points.size; i++) {
            bySeries.computeIfAbsent(points.seriesIds[i], s -> new ArrayList<>())
                    .add(i);
        }
        for (Map.Entry<Long, List<Integer>> series : bySeries.entrySet()) {
            SeriesDelta delta = new SeriesDelta();
            for (int i : series.getValue()) {
                delta.add(points.steps[i], points.values[i]);
            }
            mergeSummary(c, series.getKey(), delta.summary);
            mergeRollups(c, series.getKey(), delta);
        }
    }

    /** Recomputes a series' summary and rollups from its raw points (after points were deleted). */
    static void rebuild(Connection c, long seriesId) throws SQLException {
        Jdbc.update(c, "DELETE FROM metric_rollups WHERE series_id = ?", seriesId);
        Jdbc.update(
                c,
                "UPDATE metric_series SET points = 0, nonfinite = 0, first_step = NULL, first_val = NULL,"
                        + " first_flag = NULL, last_step = NULL, last_val = NULL, last_flag = NULL, min_val = NULL,"
                        + " max_val = NULL WHERE id = ?",
                seriesId);
        SeriesDelta delta = new SeriesDelta();
        long base = PointKey.base(seriesId);
        Jdbc.query(
                c,
                "SELECT series_step, val, flag FROM metric_points WHERE series_step BETWEEN ? AND ?"
                        + " ORDER BY series_step",
                row -> {
                    delta.add(row.getLong(1) - base, NonFinite.decode(row.getDouble(2), row.getInt(3)));
                    return null;
                },
                base,
                base + PointKey.MAX_STEP);
        if (delta.summary.points > 0) {
            mergeSummary(c, seriesId, delta.summary);
            mergeRollups(c, seriesId, delta);
        }
    }

    private static void insertPoints(Connection c, PointBuffer points) throws SQLException {
        int full = points.size / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement insert = c.prepareStatement(
                    INSERT + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, INSERT_ROW)))) {
                for (int start = 0; start < full; start += ROWS_PER_INSERT) {
                    for (int row = 0; row < ROWS_PER_INSERT; row++) {
                        bindPoint(insert, row * 4, points, start + row);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (full < points.size) {
            try (PreparedStatement insert = c.prepareStatement(INSERT + INSERT_ROW)) {
                for (int i = full; i < points.size; i++) {
                    bindPoint(insert, 0, points, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static void bindPoint(PreparedStatement insert, int offset, PointBuffer points, int i) throws SQLException {
        double value = points.values[i];
        insert.setLong(offset + 1, PointKey.of(points.seriesIds[i], points.steps[i]));
        if (Double.isFinite(value)) {
            insert.setDouble(offset + 2, value);
        } else {
            insert.setNull(offset + 2, Types.DOUBLE);
        }
        insert.setShort(offset + 3, (short) NonFinite.flag(value));
        insert.setLong(offset + 4, points.wallMillis[i]);
    }

    private static void mergeSummary(Connection c, long seriesId, Aggregate delta) throws SQLException {
        List<Aggregate> stored = Jdbc.query(
                c,
                "SELECT points, nonfinite, first_step, first_val, first_flag,"
                        + " last_step, last_val, last_flag, min_val, max_val FROM metric_series WHERE id = ? FOR UPDATE",
                SeriesWriter::readSummary,
                seriesId);
        Aggregate merged = stored.isEmpty() || stored.get(0).points == 0 ? delta : stored.get(0);
        if (merged != delta) {
            merged.merge(delta);
        }
        Jdbc.update(
                c,
                "UPDATE metric_series SET points = ?, nonfinite = ?, first_step = ?, first_val = ?,"
                        + " first_flag = ?, last_step = ?, last_val = ?, last_flag = ?, min_val = ?, max_val = ?"
                        + " WHERE id = ?",
                merged.points,
                merged.nonFinite,
                merged.firstStep,
                valueColumn(merged.first),
                (short) NonFinite.flag(merged.first),
                merged.lastStep,
                valueColumn(merged.last),
                (short) NonFinite.flag(merged.last),
                valueColumn(merged.min),
                valueColumn(merged.max),
                seriesId);
    }

    static Aggregate readSummary(ResultSet row) throws SQLException {
        Aggregate a = new Aggregate();
        a.points = row.getLong("points");
        a.nonFinite = row.getLong("nonfinite");
        if (a.points == 0) {
            return a;
        }
        a.firstStep = row.getLong("first_step");
        a.first = NonFinite.decode(row.getDouble("first_val"), row.getInt("first_flag"));
        a.lastStep = row.getLong("last_step");
        a.last = NonFinite.decode(row.getDouble("last_val"), row.getInt("last_flag"));
        a.min = orNaN(Jdbc.nullableDouble(row, "min_val"));
        a.max = orNaN(Jdbc.nullableDouble(row, "max_val"));
        return a;
    }

    private static void mergeRollups(Connection c, long seriesId, SeriesDelta delta) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO metric_rollups (first_step, last_step, points,"
                        + " finite, sum_val, min_val, max_val, last_val, last_flag, series_id, level, bucket)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE metric_rollups SET first_step = ?, last_step = ?,"
                        + " points = ?, finite = ?, sum_val = ?, min_val = ?, max_val = ?, last_val = ?, last_flag = ?"
                        + " WHERE series_id = ? AND level = ? AND bucket = ?")) {
            for (int level = 1; level <= LEVELS; level++) {
                TreeMap<Long, Aggregate> buckets = delta.level(level);
                Map<Long, Aggregate> stored = new HashMap<>();
                Jdbc.query(
                        c,
                        "SELECT bucket, first_step, last_step, points, finite, sum_val, min_val, max_val,"
                                + " last_val, last_flag FROM metric_rollups WHERE series_id = ? AND level = ?"
                                + " AND bucket BETWEEN ? AND ? FOR UPDATE",
                        row -> stored.put(row.getLong("bucket"), readRollup(row)),
                        seriesId,
                        level,
                        buckets.firstKey(),
                        buckets.lastKey());
                for (Map.Entry<Long, Aggregate> bucket : buckets.entrySet()) {
                    Aggregate old = stored.get(bucket.getKey());
                    Aggregate merged = bucket.getValue();
                    if (old != null) {
                        old.merge(merged);
                        merged = old;
                    }
                    PreparedStatement target = old == null ? insert : update;
                    Jdbc.bind(
                            target,
                            merged.firstStep,
                            merged.lastStep,
                            merged.points,
                            merged.finite(),
                            merged.finite() == 0 ? Jdbc.Null.DOUBLE : merged.sum,
                            valueColumn(merged.min),
                            valueColumn(merged.max),
                            valueColumn(merged.last),
                            (short) NonFinite.flag(merged.last),
                            seriesId,
                            (short) level,
                            bucket.getKey());
                    target.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private static Aggregate readRollup(ResultSet row) throws SQLException {
        Aggregate a = new Aggregate();
        a.firstStep = row.getLong("first_step");
        a.lastStep = row.getLong("last_step");
        a.points = row.getLong("points");
        a.nonFinite = a.points - row.getLong("finite");
        Double sum = Jdbc.nullableDouble(row, "sum_val");
        a.sum = sum == null ? 0 : sum;
        a.min = orNaN(Jdbc.nullableDouble(row, "min_val"));
        a.max = orNaN(Jdbc.nullableDouble(row, "max_val"));
        a.last = NonFinite.decode(row.getDouble("last_val"), row.getInt("last_flag"));
        return a;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static Object valueColumn(double value) {
        return Double.isFinite(value) ? value : Jdbc.Null.DOUBLE;
    }
}
