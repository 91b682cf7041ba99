package ablation.storage.run;

import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;
import ablation.storage.metric.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs: creation (queued, with typed parameters), the status transitions of {@link RunStatus}
 * (each a conditional update, so two workers never both claim a run), heartbeats and the orphan
 * check, and parameter look-ups.
 */
public final class Runs {
    private static final String COLUMNS = "id, study_id, name, status, config_json, config_hash, cell_key,"
            + " created_at, started_at, ended_at, heartbeat_at, error, app_version, djl_version,"
            + " pytorch_version, device, host, os, java_version";

    private final Jdbc jdbc;
    private final Metrics metrics;

    public Runs(Jdbc jdbc, Metrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Queues a new run in a study; its config's scalars become typed parameters. */
    public Run create(long studyId, NewRun run) {
        List<Param> params = ConfigParams.flatten(run.configJson());
        Instant now = jdbc.now();
        long id = jdbc.inTransaction(c -> {
            long runId = Jdbc.insert(
                    c,
                    "INSERT INTO runs (study_id, name, status, config_json, config_hash, cell_key,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    studyId,
                    run.name(),
                    RunStatus.QUEUED.dbValue(),
                    run.configJson(),
                    run.configHash(),
                    run.cellKey(),
                    now);
            insertParams(c, runId, params);
            return runId;
        });
        return require(id);
    }

    /** Inserts a run exactly as given (an import), with its parameters; returns its new id. */
    public long restore(long studyId, Run run, Collection<Param> params) {
        Provenance p = run.provenance();
        return jdbc.inTransaction(c -> {
            long runId = Jdbc.insert(
                    c,
                    "INSERT INTO runs (study_id, name, status, config_json, config_hash, cell_key,"
                            + " created_at, started_at, ended_at, heartbeat_at, error, app_version, djl_version,"
                            + " pytorch_version, device, host, os, java_version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    studyId,
                    run.name(),
                    run.status().dbValue(),
                    run.configJson(),
                    run.configHash(),
                    run.cellKey(),
                    run.createdAt(),
                    Jdbc.nullableInstant(run.startedAt()),
                    Jdbc.nullableInstant(run.endedAt()),
                    Jdbc.nullableInstant(run.heartbeatAt()),
                    run.error(),
                    p.appVersion(),
                    p.djlVersion(),
                    p.pytorchVersion(),
                    p.device(),
                    p.host(),
                    p.os(),
                    p.javaVersion());
            insertParams(c, runId, params);
            return runId;
        });
    }

    public Optional<Run> get(long runId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM runs WHERE id = ?", Runs::map, runId);
    }

    public Run require(long runId) {
        return get(runId).orElseThrow(() -> new StoreException("no run with id " + runId));
    }

    public List<Run> list(long studyId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM runs WHERE study_id = ? ORDER BY id", Runs::map, studyId);
    }

    /** The runs of one grid cell (same config but the seed) in a study. */
    public List<Run> ofCell(long studyId, String cellKey) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM runs WHERE study_id = ? AND cell_key = ? ORDER BY id",
                Runs::map,
                studyId,
                cellKey);
    }

    public List<Run> withStatus(RunStatus status) {
        return jdbc.query("SELECT " + COLUMNS + " FROM runs WHERE status = ? ORDER BY id", Runs::map, status.dbValue());
    }

    /** queued -> running: records the provenance and the start time, and the first heartbeat. */
    public Run start(long runId, Provenance provenance) {
        if (!tryStart(runId, provenance)) {
            throw refused(runId, RunStatus.RUNNING);
        }
        return require(runId);
    }

    /** Claims the oldest queued run of a study for this worker, if any is left. */
    public Optional<Run> claimNext(long studyId, Provenance provenance) {
        List<Long> queued = jdbc.query(
                "SELECT id FROM runs WHERE study_id = ? AND status = ? ORDER BY id",
                r -> r.getLong(1),
                studyId,
                RunStatus.QUEUED.dbValue());
        for (long runId : queued) {
            if (tryStart(runId, provenance)) {
                return Optional.of(require(runId));
            }
        }
        return Optional.empty();
    }

    private boolean tryStart(long runId, Provenance p) {
        Instant now = jdbc.now();
        return jdbc.update(
                        "UPDATE runs SET status = ?, started_at = ?, heartbeat_at = ?, app_version = ?,"
                                + " djl_version = ?, pytorch_version = ?, device = ?, host = ?, os = ?, java_version = ?"
                                + " WHERE id = ? AND status = ?",
                        RunStatus.RUNNING.dbValue(),
                        now,
                        now,
                        p.appVersion(),
                        p.djlVersion(),
                        p.pytorchVersion(),
                        p.device(),
                        p.host(),
                        p.os(),
                        p.javaVersion(),
                        runId,
                        RunStatus.QUEUED.dbValue())
                == 1;
    }

    /** Records that the run's worker is alive. Only a running run takes heartbeats. */
    public void heartbeat(long runId) {
        if (jdbc.update(
                        "UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status = ?",
                        jdbc.now(),
                        runId,
                        RunStatus.RUNNING.dbValue())
                != 1) {
            throw refused(runId, RunStatus.RUNNING);
        }
    }

    /** Sends a heartbeat for the run every {@code interval} until closed. */
    public Heartbeat heartbeatEvery(long runId, Duration interval) {
        return heartbeatEvery(runId, interval, reason -> {});
    }

    /**
     * Sends a heartbeat for the run every {@code interval} until closed, and calls {@code onLost}
     * (once, with the reason) when the run is no longer this worker's or the store is out of reach.
     */
    public Heartbeat heartbeatEvery(long runId, Duration interval, java.util.function.Consumer<String> onLost) {
        return new Heartbeat(this, runId, interval, onLost);
    }

    public void finish(long runId) {
        end(runId, RunStatus.FINISHED, null);
    }

    public void fail(long runId, String error) {
        end(runId, RunStatus.FAILED, error);
    }

    public void cancel(long runId) {
        end(runId, RunStatus.CANCELLED, null);
    }

    private void end(long runId, RunStatus status, String error) {
        if (transition(runId, status, "ended_at = ?, error = ?", jdbc.now(), error) != 1) {
            throw refused(runId, status);
        }
    }

    /**
     * Marks orphaned every running run whose last heartbeat is older than {@code staleAfter} (by the
     * database's clock): its worker died without saying so. Returns the runs it marked.
     */
    public List<Run> markOrphans(Duration staleAfter) {
        Instant cutoff = jdbc.now().minus(staleAfter);
        List<Long> stale = jdbc.query(
                "SELECT id FROM runs WHERE status = ? AND (heartbeat_at IS NULL OR heartbeat_at < ?)",
                r -> r.getLong(1),
                RunStatus.RUNNING.dbValue(),
                cutoff);
        List<Run> marked = new ArrayList<>();
        for (long runId : stale) {
            int changed = jdbc.update(
                    "UPDATE runs SET status = ? WHERE id = ? AND status = ?"
                            + " AND (heartbeat_at IS NULL OR heartbeat_at < ?)",
                    RunStatus.ORPHANED.dbValue(),
                    runId,
                    RunStatus.RUNNING.dbValue(),
                    cutoff);
            if (changed == 1) {
                marked.add(require(runId));
            }
        }
        return marked;
    }

    /**
     * Puts an orphaned, failed or cancelled run back to running, to continue from the checkpoint at
     * {@code fromStep}: metric points logged after that step are discarded (the resumed run logs them
     * again) and the summaries recomputed, all in one transaction.
     */
    public Run resume(long runId, long fromStep) {
        Set<RunStatus> from = RunStatus.RUNNING.from();
        from.remove(RunStatus.QUEUED);
        if (!tryResume(runId, fromStep, from)) {
            throw refused(runId, RunStatus.RUNNING);
        }
        return require(runId);
    }

    /**
     * Claims an orphaned run for this worker, as {@link #resume} does; false when it is no longer
     * orphaned (another worker claimed it first). Lets a worker of a job array pick up a run whose
     * worker was lost, without ever taking a run that has since failed or been cancelled.
     */
    public boolean tryResumeOrphan(long runId, long fromStep) {
        return tryResume(runId, fromStep, EnumSet.of(RunStatus.ORPHANED));
    }

    private boolean tryResume(long runId, long fromStep, Set<RunStatus> from) {
        Instant now = jdbc.now();
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(
                    c,
                    "UPDATE runs SET status = ?, heartbeat_at = ?, ended_at = NULL, error = NULL"
                            + " WHERE id = ? AND status IN (" + Jdbc.placeholders(from.size()) + ")",
                    concat(new Object[] {RunStatus.RUNNING.dbValue(), now, runId}, dbValues(from)));
            if (changed == 1) {
                metrics.discardAfter(c, runId, fromStep);
            }
            return changed == 1;
        });
    }

    /** The run's typed parameters by name. */
    public Map<String, Param> params(long runId) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (Param p : jdbc.query(
                "SELECT name, text_value, num_value FROM run_params WHERE run_id = ? ORDER BY name",
                Runs::mapParam,
                runId)) {
            params.put(p.name(), p);
        }
        return params;
    }

    /** The parameters of every run of a study: run id -> name -> parameter. */
    public Map<Long, Map<String, Param>> paramsOfStudy(long studyId) {
        Map<Long, Map<String, Param>> byRun = new LinkedHashMap<>();
        jdbc.query(
                "SELECT p.run_id, p.name, p.text_value, p.num_value FROM run_params p"
                        + " JOIN runs r ON r.id = p.run_id WHERE r.study_id = ? ORDER BY p.run_id, p.name",
                row -> byRun.computeIfAbsent(row.getLong("run_id"), id -> new LinkedHashMap<>())
                        .put(row.getString("name"), mapParam(row)),
                studyId);
        return byRun;
    }

    /** The runs of a study whose numeric parameter lies in [min, max]. */
    public List<Run> withParamBetween(long studyId, String name, double min, double max) {
        return jdbc.query(
                "SELECT " + prefixed() + " FROM runs r JOIN run_params p ON p.run_id = r.id"
                        + " WHERE r.study_id = ? AND p.name = ? AND p.num_value BETWEEN ? AND ? ORDER BY r.id",
                Runs::map,
                studyId,
                name,
                min,
                max);
    }

    /** The runs of a study whose text parameter equals the value. */
    public List<Run> withParam(long studyId, String name, String text) {
        return jdbc.query(
                "SELECT " + prefixed() + " FROM runs r JOIN run_params p ON p.run_id = r.id"
                        + " WHERE r.study_id = ? AND p.name = ? AND p.text_value = ? ORDER BY r.id",
                Runs::map,
                studyId,
                name,
                text);
    }

    private static String prefixed() {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(c -> "r." + c.trim())
                .collect(Collectors.joining(", "));
    }

    private int transition(long runId, RunStatus to, String extraSet, Object... extraParams) {
        Set<RunStatus> from = to.from();
        Object[] head = {to.dbValue()};
        Object[] tail = concat(new Object[] {runId}, dbValues(from));
        return jdbc.update(
                "UPDATE runs SET status = ?, " + extraSet + " WHERE id = ? AND status IN ("
                        + Jdbc.placeholders(from.size()) + ")",
                concat(concat(head, extraParams), tail));
    }

    private StoreException refused(long runId, RunStatus to) {
        Optional<Run> run = get(runId);
        if (run.isEmpty()) {
            return new StoreException("no run with id " + runId);
        }
        return new StoreException("run " + runId + " (" + run.get().name() + ") is "
                + run.get().status().dbValue()
                + ": only a run that is one of "
                + to.from().stream().map(RunStatus::dbValue).toList()
                + " can become " + to.dbValue());
    }

    private static void insertParams(Connection c, long runId, Collection<Param> params) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO run_params (run_id, name, text_value, num_value) VALUES (?, ?, ?, ?)")) {
            for (Param p : params) {
                Jdbc.bind(insert, runId, p.name(), p.text(), Jdbc.nullableDouble(p.number()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Object[] dbValues(Set<RunStatus> statuses) {
        return statuses.stream().map(RunStatus::dbValue).toArray();
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Param mapParam(ResultSet row) throws SQLException {
        return new Param(row.getString("name"), row.getString("text_value"), Jdbc.nullableDouble(row, "num_value"));
    }

    static Run map(ResultSet row) throws SQLException {
        return new Run(
                row.getLong("id"),
                row.getLong("study_id"),
                row.getString("name"),
                RunStatus.ofDbValue(row.getString("status")),
                row.getString("config_json"),
                row.getString("config_hash"),
                row.getString("cell_key"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "started_at"),
                Jdbc.instant(row, "ended_at"),
                Jdbc.instant(row, "heartbeat_at"),
                row.getString("error"),
                new Provenance(
                        row.getString("app_version"),
                        row.getString("djl_version"),
                        row.getString("pytorch_version"),
                        row.getString("device"),
                        row.getString("host"),
                        row.getString("os"),
                        row.getString("java_version")));
    }
}
