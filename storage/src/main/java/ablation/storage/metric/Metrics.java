package ablation.storage.metric;

import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Metric series: the batched write path ({@link MetricWriter}), summaries for run tables, and
 * chart queries that return at most a given number of points whatever the series length. The
 * downsampling is a SQL {@code GROUP BY (step - origin) / width} over the raw points for short
 * ranges and over pre-aggregated rollup buckets for long ones, keeping per bucket the minimum and
 * maximum (so spikes survive) and the last value.
 */
public final class Metrics {
    private static final String SUMMARY = "SELECT s.run_id, k.name, s.points, s.nonfinite, s.first_step, s.first_val,"
            + " s.first_flag, s.last_step, s.last_val, s.last_flag, s.min_val, s.max_val"
            + " FROM metric_series s JOIN metric_keys k ON k.id = s.key_id";

    private final Jdbc jdbc;

    public Metrics(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A buffered writer for one run's metrics, with the default batch size and flush interval. */
    public MetricWriter writer(long runId) {
        return writer(runId, MetricWriter.Settings.DEFAULT);
    }

    public MetricWriter writer(long runId, MetricWriter.Settings settings) {
        return new MetricWriter(this, runId, settings);
    }

    /** The series id of a run's metric, creating the key and the (empty) series on first use. */
    long seriesId(long runId, String key) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new StoreException("metric key must be 1 to 255 characters, got '" + key + "'");
        }
        int keyId = insertIfAbsent(() -> findKeyId(key), "INSERT INTO metric_keys (name) VALUES (?)", key);
        long seriesId = insertIfAbsent(
                () -> findSeriesId(runId, keyId),
                "INSERT INTO metric_series (run_id, key_id, points, nonfinite) VALUES (?, ?, 0, 0)",
                runId,
                keyId);
        PointKey.base(seriesId);
        return seriesId;
    }

    /**
     * Looks a row up, inserting it when absent; a concurrent writer inserting the same row first
     * makes our insert fail, and the second look-up then finds theirs.
     */
    private <T> T insertIfAbsent(java.util.function.Supplier<Optional<T>> find, String insert, Object... params) {
        Optional<T> found = find.get();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            jdbc.update(insert, params);
        } catch (StoreException raceLost) {
            return find.get().orElseThrow(() -> raceLost);
        }
        return find.get().orElseThrow(() -> new StoreException("inserted row vanished: " + insert));
    }

    private Optional<Integer> findKeyId(String key) {
        return jdbc.queryOne("SELECT id FROM metric_keys WHERE name = ?", r -> r.getInt(1), key);
    }

    private Optional<Long> findSeriesId(long runId, int keyId) {
        return jdbc.queryOne(
                "SELECT id FROM metric_series WHERE run_id = ? AND key_id = ?", r -> r.getLong(1), runId, keyId);
    }

    private Optional<Long> findSeriesId(long runId, String key) {
        return jdbc.queryOne(
                "SELECT s.id FROM metric_series s JOIN metric_keys k ON k.id = s.key_id"
                        + " WHERE s.run_id = ? AND k.name = ?",
                r -> r.getLong(1),
                runId,
                key);
    }

    /** Inserts a buffer of points and updates summaries and rollups, in one transaction. */
    void write(PointBuffer points) {
        jdbc.inTransaction(c -> {
            SeriesWriter.write(c, points);
            return null;
        });
    }

    /** The run's metric summaries, by key name. */
    public List<MetricSummary> summaries(long runId) {
        return jdbc.query(SUMMARY + " WHERE s.run_id = ? AND s.points > 0 ORDER BY k.name", Metrics::mapSummary, runId);
    }

    /** The summaries of every run of a study: run id -> summaries (what a run table reads). */
    public Map<Long, List<MetricSummary>> summariesOfStudy(long studyId) {
        Map<Long, List<MetricSummary>> byRun = new LinkedHashMap<>();
        for (MetricSummary s : jdbc.query(
                SUMMARY + " JOIN runs r ON r.id = s.run_id WHERE r.study_id = ?"
                        + " AND s.points > 0 ORDER BY s.run_id, k.name",
                Metrics::mapSummary,
                studyId)) {
            byRun.computeIfAbsent(s.runId(), id -> new ArrayList<>()).add(s);
        }
        return byRun;
    }

    public Optional<MetricSummary> summary(long runId, String key) {
        return jdbc.queryOne(
                SUMMARY + " WHERE s.run_id = ? AND k.name = ? AND s.points > 0", Metrics::mapSummary, runId, key);
    }

    private static MetricSummary mapSummary(ResultSet row) throws SQLException {
        Aggregate a = SeriesWriter.readSummary(row);
        return new MetricSummary(
                row.getLong("run_id"),
                row.getString("name"),
                a.points,
                a.nonFinite,
                a.firstStep,
                a.first,
                a.lastStep,
                a.last,
                a.min,
                a.max);
    }

    /** The metric names a run has logged. */
    public List<String> keys(long runId) {
        return jdbc.query(
                "SELECT k.name FROM metric_series s JOIN metric_keys k ON k.id = s.key_id"
                        + " WHERE s.run_id = ? AND s.points > 0 ORDER BY k.name",
                r -> r.getString(1),
                runId);
    }

    /** The whole series downsampled to at most {@code maxPoints} buckets. */
    public List<SeriesBucket> series(long runId, String key, int maxPoints) {
        Optional<MetricSummary> summary = summary(runId, key);
        if (summary.isEmpty()) {
            return List.of();
        }
        return series(
                runId, key, maxPoints, summary.get().firstStep(), summary.get().lastStep());
    }

    /**
     * The points with steps in [fromStep, toStep] in at most {@code maxPoints} buckets of equal step
     * width: per bucket the finite min and max and the value at its last step. A range shorter than
     * {@code maxPoints} steps comes back point by point.
     */
    public List<SeriesBucket> series(long runId, String key, int maxPoints, long fromStep, long toStep) {
        checkMaxPoints(maxPoints);
        Optional<Long> seriesId = findSeriesId(runId, key);
        if (seriesId.isEmpty() || toStep < fromStep) {
            return List.of();
        }
        long series = seriesId.get();
        long base = PointKey.base(series);
        Bucketing cut = Bucketing.of(Math.max(0, fromStep), Math.min(PointKey.MAX_STEP, toStep), maxPoints);
        if (cut.level() > 0) return fromRollups(series, cut);
        // Bucket numbers and widths are longs computed here, inlined so that H2 matches the
        // GROUP BY expression with the selected one.
        String b = "(series_step - " + (base + cut.origin()) + ") / " + cut.width();
        String sql = "SELECT g.s0 - " + base + " AS s0, g.s1 - " + base + " AS s1, g.lo, g.hi, g.n, p.val AS last_val,"
                + " p.flag AS last_flag FROM (SELECT " + b + " AS b, MIN(series_step) AS s0,"
                + " MAX(series_step) AS s1, MIN(val) AS lo, MAX(val) AS hi, COUNT(*) AS n FROM metric_points"
                + " WHERE series_step BETWEEN ? AND ? GROUP BY " + b + ") g"
                + " JOIN metric_points p ON p.series_step = g.s1 ORDER BY g.s0";
        Object[] params = {base + cut.from(), base + cut.to()};
        return jdbc.query(
                sql,
                row -> new SeriesBucket(
                        row.getLong("s0"),
                        row.getLong("s1"),
                        orNaN(Jdbc.nullableDouble(row, "lo")),
                        orNaN(Jdbc.nullableDouble(row, "hi")),
                        NonFinite.decode(row.getDouble("last_val"), row.getInt("last_flag")),
                        row.getLong("n")),
                params);
    }

    /**
     * Buckets merged from one rollup level: one indexed range read of at most 16 rows per bucket,
     * merged here in bucket order (a join back to each bucket's last row made H2 scan the level once
     * per bucket: seconds for a 100,000-point series).
     */
    private List<SeriesBucket> fromRollups(long series, Bucketing cut) {
        List<SeriesBucket> buckets = new ArrayList<>();
        long[] open = null; // bucket number, first step, last step, points
        double[] values = null; // min, max, last
        for (Object[] row : jdbc.query(
                "SELECT bucket, first_step, last_step, min_val, max_val, points, last_val, last_flag"
                        + " FROM metric_rollups WHERE series_id = ? AND level = ? AND bucket BETWEEN ? AND ?"
                        + " ORDER BY bucket",
                r -> new Object[] {
                    r.getLong(1),
                    r.getLong(2),
                    r.getLong(3),
                    orNaN(Jdbc.nullableDouble(r, "min_val")),
                    orNaN(Jdbc.nullableDouble(r, "max_val")),
                    r.getLong(6),
                    NonFinite.decode(r.getDouble(7), r.getInt(8))
                },
                series,
                (short) cut.level(),
                cut.firstBucket(),
                cut.lastBucket())) {
            long b = ((Long) row[0] * cut.levelWidth() - cut.origin()) / cut.width();
            if (open == null || open[0] != b) {
                if (open != null) buckets.add(bucket(open, values));
                open = new long[] {b, (Long) row[1], (Long) row[2], 0};
                values = new double[] {Double.NaN, Double.NaN, Double.NaN};
            }
            open[2] = Math.max(open[2], (Long) row[2]);
            open[3] += (Long) row[5];
            values[0] = minIgnoringNaN(values[0], (Double) row[3]);
            values[1] = maxIgnoringNaN(values[1], (Double) row[4]);
            values[2] = (Double) row[6]; // rows come in bucket order: the last one holds the last step
        }
        if (open != null) buckets.add(bucket(open, values));
        return buckets;
    }

    private static SeriesBucket bucket(long[] open, double[] values) {
        return new SeriesBucket(open[1], open[2], values[0], values[1], values[2], open[3]);
    }

    private static double minIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double maxIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** Every raw point of a run, ordered by key and step, streamed (for export). */
    public void forEachPoint(long runId, Consumer<MetricPoint> consumer) {
        List<Object[]> series = jdbc.query(
                "SELECT s.id, k.name FROM metric_series s JOIN metric_keys k"
                        + " ON k.id = s.key_id WHERE s.run_id = ? ORDER BY k.name",
                r -> new Object[] {r.getLong(1), r.getString(2)},
                runId);
        jdbc.withConnection(c -> {
            c.setAutoCommit(false); // lets the PostgreSQL driver stream with a fetch size
            try (PreparedStatement select = c.prepareStatement("SELECT series_step, val, flag, wall_ms"
                    + " FROM metric_points WHERE series_step BETWEEN ? AND ? ORDER BY series_step")) {
                select.setFetchSize(10_000);
                for (Object[] s : series) {
                    long base = PointKey.base((Long) s[0]);
                    String key = (String) s[1];
                    Jdbc.bind(select, base, base + PointKey.MAX_STEP);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            consumer.accept(new MetricPoint(
                                    key,
                                    row.getLong(1) - base,
                                    NonFinite.decode(row.getDouble(2), row.getInt(3)),
                                    row.getLong(4)));
                        }
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** The raw points of one metric of a run, in step order. */
    public List<MetricPoint> points(long runId, String key) {
        Optional<Long> seriesId = findSeriesId(runId, key);
        if (seriesId.isEmpty()) {
            return List.of();
        }
        long base = PointKey.base(seriesId.get());
        return jdbc.query(
                "SELECT series_step, val, flag, wall_ms FROM metric_points WHERE series_step BETWEEN ? AND ?"
                        + " ORDER BY series_step",
                row -> new MetricPoint(
                        key, row.getLong(1) - base, NonFinite.decode(row.getDouble(2), row.getInt(3)), row.getLong(4)),
                base,
                base + PointKey.MAX_STEP);
    }

    /**
     * Drops a run's points after a step (a resumed run logs them again from its checkpoint) and
     * recomputes its summaries and rollups from what is left, on the caller's transaction.
     */
    public void discardAfter(Connection c, long runId, long step) throws SQLException {
        if (step >= PointKey.MAX_STEP) return; // nothing can lie after it (and base + step + 1 would overflow)
        for (long series : seriesOf(c, runId)) {
            long base = PointKey.base(series);
            Jdbc.update(
                    c,
                    "DELETE FROM metric_points WHERE series_step BETWEEN ? AND ?",
                    base + step + 1,
                    base + PointKey.MAX_STEP);
            SeriesWriter.rebuild(c, series);
        }
    }

    /** Deletes a run's points and rollups on the caller's transaction (series rows go with the run). */
    public void deleteRun(Connection c, long runId) throws SQLException {
        for (long series : seriesOf(c, runId)) {
            long base = PointKey.base(series);
            Jdbc.update(
                    c, "DELETE FROM metric_points WHERE series_step BETWEEN ? AND ?", base, base + PointKey.MAX_STEP);
            Jdbc.update(c, "DELETE FROM metric_rollups WHERE series_id = ?", series);
        }
    }

    private static List<Long> seriesOf(Connection c, long runId) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM metric_series WHERE run_id = ?", r -> r.getLong(1), runId);
    }

    private static void checkMaxPoints(int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
        }
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
