package ablation.storage.eval;

import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation results per (run, checkpoint step, benchmark, mode, problem) with their samples. pass@k
 * and its intervals are computed from the stored (n, c) by the core statistics, never here.
 */
public final class Evaluations {
    private final Jdbc jdbc;

    public Evaluations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one problem's result with its samples (replacing an earlier record of the same problem). */
    public void record(EvalResult result, List<Sample> samples) {
        long passed = samples.stream().filter(Sample::passed).count();
        if (!samples.isEmpty() && (samples.size() != result.n() || passed != result.c())) {
            throw new StoreException("problem " + result.problem() + ": " + samples.size() + " samples with " + passed
                    + " passed do not match n=" + result.n() + " c=" + result.c());
        }
        jdbc.inTransaction(c -> {
            insert(c, result, samples);
            return null;
        });
    }

    /** Records the results of a whole evaluation (samples not kept), in one transaction. */
    public void recordAll(Collection<EvalResult> results) {
        jdbc.inTransaction(c -> {
            for (EvalResult result : results) {
                insert(c, result, List.of());
            }
            return null;
        });
    }

    /** Inserts one result and its samples on the caller's transaction. */
    public void insert(Connection c, EvalResult r, List<Sample> samples) throws SQLException {
        Jdbc.update(
                c,
                "DELETE FROM eval_results WHERE run_id = ? AND checkpoint_step = ? AND benchmark = ?"
                        + " AND mode = ? AND problem = ?",
                r.runId(),
                r.checkpointStep(),
                r.benchmark(),
                r.mode(),
                r.problem());
        long id = Jdbc.insert(
                c,
                "INSERT INTO eval_results (run_id, checkpoint_step, benchmark, mode, problem, n, c)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                r.runId(),
                r.checkpointStep(),
                r.benchmark(),
                r.mode(),
                r.problem(),
                r.n(),
                r.c());
        if (samples.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO eval_samples (result_id, sample_index,"
                + " completion, verdict, detail, finish_reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Sample s : samples) {
                Jdbc.bind(insert, id, s.index(), s.completion(), s.verdict(), s.detail(), s.finishReason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A run's results, ordered by step, benchmark, mode and problem. */
    public List<EvalResult> results(long runId) {
        return jdbc.query(
                "SELECT run_id, checkpoint_step, benchmark, mode, problem, n, c FROM eval_results"
                        + " WHERE run_id = ? ORDER BY checkpoint_step, benchmark, mode, problem",
                Evaluations::map,
                runId);
    }

    public List<EvalResult> results(long runId, long step, String benchmark, String mode) {
        return jdbc.query(
                "SELECT run_id, checkpoint_step, benchmark, mode, problem, n, c FROM eval_results"
                        + " WHERE run_id = ? AND checkpoint_step = ? AND benchmark = ? AND mode = ? ORDER BY problem",
                Evaluations::map,
                runId,
                step,
                benchmark,
                mode);
    }

    /** The checkpoint steps at which a run was evaluated on a benchmark in a mode, ascending. */
    public List<Long> steps(long runId, String benchmark, String mode) {
        return jdbc.query(
                "SELECT DISTINCT checkpoint_step FROM eval_results WHERE run_id = ? AND benchmark = ?"
                        + " AND mode = ? ORDER BY checkpoint_step",
                r -> r.getLong(1),
                runId,
                benchmark,
                mode);
    }

    /** The samples of one problem's result, by index. */
    public List<Sample> samples(long runId, long step, String benchmark, String mode, String problem) {
        return jdbc.query(
                "SELECT s.sample_index, s.completion, s.verdict, s.detail, s.finish_reason FROM eval_samples s"
                        + " JOIN eval_results r ON r.id = s.result_id WHERE r.run_id = ? AND r.checkpoint_step = ?"
                        + " AND r.benchmark = ? AND r.mode = ? AND r.problem = ? ORDER BY s.sample_index",
                row -> new Sample(
                        row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                runId,
                step,
                benchmark,
                mode,
                problem);
    }

    private static EvalResult map(ResultSet row) throws SQLException {
        return new EvalResult(
                row.getLong("run_id"),
                row.getLong("checkpoint_step"),
                row.getString("benchmark"),
                row.getString("mode"),
                row.getString("problem"),
                row.getInt("n"),
                row.getInt("c"));
    }

    /** Results with their samples for a run (export): result -> samples. */
    public Map<EvalResult, List<Sample>> resultsWithSamples(long runId) {
        Map<EvalResult, List<Sample>> all = new LinkedHashMap<>();
        Map<Long, EvalResult> byId = new HashMap<>();
        jdbc.query(
                "SELECT id, run_id, checkpoint_step, benchmark, mode, problem, n, c FROM eval_results"
                        + " WHERE run_id = ? ORDER BY checkpoint_step, benchmark, mode, problem",
                row -> {
                    EvalResult r = map(row);
                    byId.put(row.getLong("id"), r);
                    all.put(r, new ArrayList<>());
                    return null;
                },
                runId);
        jdbc.query(
                "SELECT s.result_id, s.sample_index, s.completion, s.verdict, s.detail, s.finish_reason"
                        + " FROM eval_samples s"
                        + " JOIN eval_results r ON r.id = s.result_id WHERE r.run_id = ? ORDER BY s.result_id, s.sample_index",
                row -> all.get(byId.get(row.getLong(1)))
                        .add(new Sample(
                                row.getInt(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6))),
                runId);
        return all;
    }
}
