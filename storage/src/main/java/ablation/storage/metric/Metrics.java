package ablation.storage.metric;

import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Metric series: the batched write path ({@link MetricWriter}), summaries for run tables, and
 * chart queries that return at most a given number of points whatever the series length,
 * downsampled in SQL ({@code GROUP BY (step - first) / width}) so spikes survive.
 */
public final class Metrics {
    private static final String INSERT_POINT =
            "INSERT INTO metric_points (run_id, key_id, step, val, flag, wall_ms) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SUMMARY_COLUMNS = "s.run_id, k.name, s.points, s.nonfinite, s.first_step, s.first_val,"
            + " s.first_flag, s.last_step, s.last_val, s.last_flag, s.min_val, s.max_val";

    /** Steps looked up per query when reading the last value of each bucket. */
    private static final int LOOKUP_CHUNK = 100;

    private final Jdbc jdbc;
    private final Map<String, Integer> keyIds = new ConcurrentHashMap<>();

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

    /** The id of a metric name, registering the name on first use (safe against concurrent writers). */
    int keyId(String key) {
        Integer cached = keyIds.get(key);
        if (cached != null) {
            return cached;
        }
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new StoreException("metric key must be 1 to 255 characters, got '" + key + "'");
        }
        int id = findKeyId(key).orElseGet(() -> {
            try {
                jdbc.update("INSERT INTO metric_keys (name) VALUES (?)", key);
            } catch (StoreException raceLost) {
                // Another writer registered it between our look-up and insert: read theirs below.
            }
            return findKeyId(key).orElseThrow(() -> new StoreException("cannot register metric key '" + key + "'"));
        });
        keyIds.put(key, id);
        return id;
    }

    private Optional<Integer> findKeyId(String key) {
        return jdbc.queryOne("SELECT id FROM metric_keys WHERE name = ?", r -> r.getInt(1), key);
    }

    /** Inserts a buffer of points and updates the summaries, in one transaction. */
    void write(long runId, PointBuffer points) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_POINT)) {
                for (int i = 0; i < points.size; i++) {
                    double value = points.values[i];
                    insert.setLong(1, runId);
                    insert.setInt(2, points.keyIds[i]);
                    insert.setLong(3, points.steps[i]);
                    if (Double.isFinite(value)) {
                        insert.setDouble(4, value);
                    } else {
                        insert.setNull(4, Types.DOUBLE);
                    }
                    insert.setShort(5, (short) NonFinite.flag(value));
                    insert.setLong(6, points.wallMillis[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<Integer, SummaryAccumulator> deltas = new HashMap<>();
            for (int i = 0; i < points.size; i++) {
                deltas.computeIfAbsent(points.keyIds[i], k -> new SummaryAccumulator())
                        .add(points.steps[i], points.values[i]);
            }
            for (Map.Entry<Integer, SummaryAccumulator> delta : deltas.entrySet()) {
                mergeSummary(c, runId, delta.getKey(), delta.getValue());
            }
            return null;
        });
    }

    private static void mergeSummary(Connection c, long runId, int keyId, SummaryAccumulator delta) throws SQLException {
        List<SummaryAccumulator> stored = Jdbc.query(c, "SELECT points, nonfinite, first_step, first_val, first_flag,"
                        + " last_step, last_val, last_flag, min_val, max_val FROM metric_summary"
                        + " WHERE run_id = ? AND key_id = ? FOR UPDATE",
                Metrics::mapAccumulator, runId, keyId);
        SummaryAccumulator merged = delta;
        if (!stored.isEmpty()) {
            merged = stored.get(0);
            merged.merge(delta);
        }
        Object[] values = {merged.points, merged.nonFinite, merged.firstStep, valueColumn(merged.first),
                (short) NonFinite.flag(merged.first), merged.lastStep, valueColumn(merged.last),
                (short) NonFinite.flag(merged.last), valueColumn(merged.min), valueColumn(merged.max), runId, keyId};
        if (stored.isEmpty()) {
            Jdbc.update(c, "INSERT INTO metric_summary (points, nonfinite, first_step, first_val, first_flag, last_step,"
                    + " last_val, last_flag, min_val, max_val, run_id, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        } else {
            Jdbc.update(c, "UPDATE metric_summary SET points = ?, nonfinite = ?, first_step = ?, first_val = ?,"
                    + " first_flag = ?, last_step = ?, last_val = ?, last_flag = ?, min_val = ?, max_val = ?"
                    + " WHERE run_id = ? AND key_id = ?", values);
        }
    }

    private static Object valueColumn(double value) {
        return Double.isFinite(value) ? value : Jdbc.Null.DOUBLE;
    }

    private static SummaryAccumulator mapAccumulator(ResultSet row) throws SQLException {
        SummaryAccumulator a = new SummaryAccumulator();
        a.points = row.getLong("points");
        a.nonFinite = row.getLong("nonfinite");
        a.firstStep = row.getLong("first_step");
        a.first = NonFinite.decode(row.getDouble("first_val"), row.getInt("first_flag"));
        a.lastStep = row.getLong("last_step");
        a.last = NonFinite.decode(row.getDouble("last_val"), row.getInt("last_flag"));
        Double min = Jdbc.nullableDouble(row, "min_val");
        Double max = Jdbc.nullableDouble(row, "max_val");
        a.min = min == null ? Double.NaN : min;
        a.max = max == null ? Double.NaN : max;
        return a;
    }

    /** The run's metric summaries, by key name. */
    public List<MetricSummary> summaries(long runId) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM metric_summary s JOIN metric_keys k ON k.id = s.key_id"
                + " WHERE s.run_id = ? ORDER BY k.name", Metrics::mapSummary, runId);
    }

    /** The summaries of every run of a study: run id -> summaries (what a run table reads). */
    public Map<Long, List<MetricSummary>> summariesOfStudy(long studyId) {
        Map<Long, List<MetricSummary>> byRun = new LinkedHashMap<>();
        for (MetricSummary s : jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM metric_summary s"
                + " JOIN metric_keys k ON k.id = s.key_id JOIN runs r ON r.id = s.run_id"
                + " WHERE r.study_id = ? ORDER BY s.run_id, k.name", Metrics::mapSummary, studyId)) {
            byRun.computeIfAbsent(s.runId(), id -> new ArrayList<>()).add(s);
        }
        return byRun;
    }

    public Optional<MetricSummary> summary(long runId, String key) {
        return jdbc.queryOne("SELECT " + SUMMARY_COLUMNS + " FROM metric_summary s JOIN metric_keys k ON k.id = s.key_id"
                + " WHERE s.run_id = ? AND k.name = ?", Metrics::mapSummary, runId, key);
    }

    private static MetricSummary mapSummary(ResultSet row) throws SQLException {
        SummaryAccumulator a = mapAccumulator(row);
        return new MetricSummary(row.getLong("run_id"), row.getString("name"), a.points, a.nonFinite, a.firstStep,
                a.first, a.lastStep, a.last, a.min, a.max);
    }

    /** The whole series downsampled to at most {@code maxPoints} buckets. */
    public List<SeriesBucket> series(long runId, String key, int maxPoints) {
        Optional<MetricSummary> summary = summary(runId, key);
        if (summary.isEmpty()) {
            return List.of();
        }
        return series(runId, key, maxPoints, summary.get().firstStep(), summary.get().lastStep());
    }

    /**
     * The points with steps in [fromStep, toStep] in at most {@code maxPoints} buckets of equal step
     * width: per bucket the finite min and max and the value at its last step. Series shorter than
     * {@code maxPoints} steps come back point by point.
     */
    public List<SeriesBucket> series(long runId, String key, int maxPoints, long fromStep, long toStep) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
        }
        Optional<Integer> keyId = findKeyId(key);
        if (keyId.isEmpty() || toStep < fromStep) {
            return List.of();
        }
        long width = bucketWidth(fromStep, toStep, maxPoints);
        String grouped = "SELECT b, MIN(step) AS s0, MAX(step) AS s1, MIN(val) AS lo, MAX(val) AS hi, COUNT(*) AS n"
                + " FROM (SELECT (step - ?) / ? AS b, step, val FROM metric_points"
                + " WHERE run_id = ? AND key_id = ? AND step BETWEEN ? AND ?) t GROUP BY b ORDER BY s0";
        List<SeriesBucket> buckets = jdbc.query(grouped, row -> {
            Double lo = Jdbc.nullableDouble(row, "lo");
            Double hi = Jdbc.nullableDouble(row, "hi");
            return new SeriesBucket(row.getLong("s0"), row.getLong("s1"), lo == null ? Double.NaN : lo,
                    hi == null ? Double.NaN : hi, Double.NaN, row.getLong("n"));
        }, fromStep, width, runId, keyId.get(), fromStep, toStep);
        // The value at each bucket's last step, by index look-ups. (Joined to the grouped query, H2 may
        // re-evaluate the grouping once per point of a long series: minutes for 100,000 points.)
        Map<Long, Double> last = new HashMap<>();
        for (int from = 0; from < buckets.size(); from += LOOKUP_CHUNK) {
            List<SeriesBucket> chunk = buckets.subList(from, Math.min(buckets.size(), from + LOOKUP_CHUNK));
            Object[] params = new Object[chunk.size() + 4];
            params[0] = runId;
            params[1] = keyId.get();
            params[2] = chunk.get(0).toStep();
            params[3] = chunk.get(chunk.size() - 1).toStep();
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 4] = chunk.get(i).toStep();
            }
            // the range bounds the scan where the database does not look the steps up one by one
            jdbc.query("SELECT step, val, flag FROM metric_points WHERE run_id = ? AND key_id = ? AND step BETWEEN ? AND ?"
                    + " AND step IN (" + Jdbc.placeholders(chunk.size()) + ")", row -> last.put(row.getLong(1),
                    NonFinite.decode(row.getDouble(2), row.getInt(3))), params);
        }
        List<SeriesBucket> series = new ArrayList<>(buckets.size());
        for (SeriesBucket b : buckets) {
            series.add(new SeriesBucket(b.fromStep(), b.toStep(), b.min(), b.max(), last.getOrDefault(b.toStep(), Double.NaN), b.points()));
        }
        return series;
    }

    /**
     * A metric aggregated over runs (the seeds of one cell): per step bucket, the mean over the runs
     * that have finite points there, with a t-based 95% band and n. At most {@code maxPoints}
     * buckets, spanning the union of the runs' steps.
     */
    public List<BandPoint> band(Collection<Long> runIds, String key, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
        }
        Optional<Integer> keyId = findKeyId(key);
        if (runIds.isEmpty() || keyId.isEmpty()) {
            return List.of();
        }
        String in = Jdbc.placeholders(runIds.size());
        Object[] rangeParams = new Object[runIds.size() + 1];
        rangeParams[0] = keyId.get();
        System.arraycopy(runIds.toArray(), 0, rangeParams, 1, runIds.size());
        Optional<long[]> range = jdbc.queryOne("SELECT MIN(first_step), MAX(last_step) FROM metric_summary"
                + " WHERE key_id = ? AND run_id IN (" + in + ")", r -> {
                    long first = r.getLong(1);
                    return r.wasNull() ? null : new long[] {first, r.getLong(2)};
                }, rangeParams).filter(r -> r != null);
        if (range.isEmpty()) {
            return List.of();
        }
        long from = range.get()[0];
        long width = bucketWidth(from, range.get()[1], maxPoints);
        // Per run and bucket: the run's mean over the bucket and the bucket's last step. One query per
        // run, so each reads its own key range (with an IN list, H2 reads the other runs' points too).
        String sql = "SELECT b, AVG(val) AS m, MAX(step) AS s1 FROM (SELECT (step - ?) / ? AS b, step, val"
                + " FROM metric_points WHERE run_id = ? AND key_id = ? AND flag = 0) t GROUP BY b";
        TreeMap<Long, List<Double>> means = new TreeMap<>();
        TreeMap<Long, Long> steps = new TreeMap<>();
        for (long runId : runIds) {
            jdbc.query(sql, row -> {
                long bucket = row.getLong("b");
                means.computeIfAbsent(bucket, b -> new ArrayList<>()).add(row.getDouble("m"));
                steps.merge(bucket, row.getLong("s1"), Math::max);
                return null;
            }, from, width, runId, keyId.get());
        }
        List<BandPoint> band = new ArrayList<>(means.size());
        for (Map.Entry<Long, List<Double>> bucket : means.entrySet()) {
            band.add(bandPoint(steps.get(bucket.getKey()), bucket.getValue()));
        }
        return band;
    }

    static BandPoint bandPoint(long step, List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new BandPoint(step, mean, mean, mean, n);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double half = StudentT.quantile975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new BandPoint(step, mean, mean - half, mean + half, n);
    }

    private static long bucketWidth(long fromStep, long toStep, int maxPoints) {
        long span = toStep - fromStep + 1;
        return Math.max(1, (span + maxPoints - 1) / maxPoints);
    }

    /** The metric names a run has logged. */
    public List<String> keys(long runId) {
        return jdbc.query("SELECT k.name FROM metric_summary s JOIN metric_keys k ON k.id = s.key_id"
                + " WHERE s.run_id = ? ORDER BY k.name", r -> r.getString(1), runId);
    }

    /** Every raw point of a run, ordered by key and step, streamed (for export). */
    public void forEachPoint(long runId, Consumer<MetricPoint> consumer) {
        jdbc.withConnection(c -> {
            c.setAutoCommit(false); // lets the PostgreSQL driver stream with a fetch size
            try (PreparedStatement select = c.prepareStatement("SELECT k.name, p.step, p.val, p.flag, p.wall_ms"
                    + " FROM metric_points p JOIN metric_keys k ON k.id = p.key_id WHERE p.run_id = ?"
                    + " ORDER BY k.name, p.step")) {
                select.setFetchSize(10_000);
                select.setLong(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(new MetricPoint(row.getString(1), row.getLong(2),
                                NonFinite.decode(row.getDouble(3), row.getInt(4)), row.getLong(5)));
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
        return jdbc.query("SELECT k.name, p.step, p.val, p.flag, p.wall_ms FROM metric_points p"
                        + " JOIN metric_keys k ON k.id = p.key_id WHERE p.run_id = ? AND k.name = ? ORDER BY p.step",
                row -> new MetricPoint(row.getString(1), row.getLong(2), NonFinite.decode(row.getDouble(3),
                        row.getInt(4)), row.getLong(5)), runId, key);
    }

    /**
     * Drops a run's points after a step (a resumed run logs them again from its checkpoint) and
     * recomputes its summaries from what is left, on the caller's transaction.
     */
    public void discardAfter(Connection c, long runId, long step) throws SQLException {
        Jdbc.update(c, "DELETE FROM metric_points WHERE run_id = ? AND step > ?", runId, step);
        Jdbc.update(c, "DELETE FROM metric_summary WHERE run_id = ?", runId);
        List<Integer> keys = Jdbc.query(c, "SELECT DISTINCT key_id FROM metric_points WHERE run_id = ?",
                r -> r.getInt(1), runId);
        for (int keyId : keys) {
            SummaryAccumulator summary = new SummaryAccumulator();
            Jdbc.query(c, "SELECT step, val, flag FROM metric_points WHERE run_id = ? AND key_id = ? ORDER BY step",
                    r -> {
                        summary.add(r.getLong(1), NonFinite.decode(r.getDouble(2), r.getInt(3)));
                        return null;
                    }, runId, keyId);
            mergeSummary(c, runId, keyId, summary);
        }
    }

    /** Deletes everything a run logged, on the caller's transaction (metric tables have no foreign keys). */
    public void deleteRun(Connection c, long runId) throws SQLException {
        Jdbc.update(c, "DELETE FROM metric_points WHERE run_id = ?", runId);
        Jdbc.update(c, "DELETE FROM metric_summary WHERE run_id = ?", runId);
    }
}
