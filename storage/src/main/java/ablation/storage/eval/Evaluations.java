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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Evaluation results per (run, checkpoint step, benchmark, mode, problem) with their samples, and
 * pass@k for any k from the stored (n, c), with bootstrap intervals over problems and runs.
 */
public final class Evaluations {
    private static final double ALPHA = 0.05;

    private final Jdbc jdbc;

    public Evaluations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one problem's result with its samples (replacing an earlier record of the same problem). */
    public void record(EvalResult result, List<Sample> samples) {
        long passed = samples.stream().filter(Sample::passed).count();
        if (!samples.isEmpty() && (samples.size() != result.n() || passed != result.c())) {
            throw new StoreException("problem " + result.problem() + ": " + samples.size() + " samples with "
                    + passed + " passed do not match n=" + result.n() + " c=" + result.c());
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
        Jdbc.update(c, "DELETE FROM eval_results WHERE run_id = ? AND checkpoint_step = ? AND benchmark = ?"
                + " AND mode = ? AND problem = ?", r.runId(), r.checkpointStep(), r.benchmark(), r.mode(), r.problem());
        long id = Jdbc.insert(c, "INSERT INTO eval_results (run_id, checkpoint_step, benchmark, mode, problem, n, c)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", r.runId(), r.checkpointStep(), r.benchmark(), r.mode(),
                r.problem(), r.n(), r.c());
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
        return jdbc.query("SELECT run_id, checkpoint_step, benchmark, mode, problem, n, c FROM eval_results"
                + " WHERE run_id = ? ORDER BY checkpoint_step, benchmark, mode, problem", Evaluations::map, runId);
    }

    public List<EvalResult> results(long runId, long step, String benchmark, String mode) {
        return jdbc.query("SELECT run_id, checkpoint_step, benchmark, mode, problem, n, c FROM eval_results"
                        + " WHERE run_id = ? AND checkpoint_step = ? AND benchmark = ? AND mode = ? ORDER BY problem",
                Evaluations::map, runId, step, benchmark, mode);
    }

    /** The checkpoint steps at which a run was evaluated on a benchmark in a mode, ascending. */
    public List<Long> steps(long runId, String benchmark, String mode) {
        return jdbc.query("SELECT DISTINCT checkpoint_step FROM eval_results WHERE run_id = ? AND benchmark = ?"
                + " AND mode = ? ORDER BY checkpoint_step", r -> r.getLong(1), runId, benchmark, mode);
    }

    /** The samples of one problem's result, by index. */
    public List<Sample> samples(long runId, long step, String benchmark, String mode, String problem) {
        return jdbc.query("SELECT s.sample_index, s.completion, s.verdict, s.detail, s.finish_reason FROM eval_samples s"
                        + " JOIN eval_results r ON r.id = s.result_id WHERE r.run_id = ? AND r.checkpoint_step = ?"
                        + " AND r.benchmark = ? AND r.mode = ? AND r.problem = ? ORDER BY s.sample_index",
                row -> new Sample(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                runId, step, benchmark, mode, problem);
    }

    /**
     * pass@k at each run's latest evaluated checkpoint on a benchmark and mode, pooled over the runs
     * (e.g. the seeds of a cell): the mean over runs and problems, and a 95% percentile bootstrap
     * interval that resamples problems (and runs, when there are several). Deterministic for a
     * given {@code seed}.
     */
    public PassAtKEstimate latestPassAtK(Collection<Long> runIds, String benchmark, String mode, int k, int resamples,
                                         long seed) {
        List<List<EvalResult>> perRun = new ArrayList<>();
        for (long runId : runIds) {
            List<Long> steps = steps(runId, benchmark, mode);
            if (!steps.isEmpty()) {
                perRun.add(results(runId, steps.get(steps.size() - 1), benchmark, mode));
            }
        }
        return estimate(perRun, k, resamples, seed);
    }

    /**
     * pass@k at one checkpoint step, pooled over runs (one run, or the seeds of a cell), with a
     * bootstrap interval over problems (and runs). Deterministic for a given {@code seed}.
     */
    public PassAtKEstimate passAtK(Collection<Long> runIds, long step, String benchmark, String mode, int k,
                                   int resamples, long seed) {
        List<List<EvalResult>> perRun = new ArrayList<>();
        for (long runId : runIds) {
            perRun.add(results(runId, step, benchmark, mode));
        }
        return estimate(perRun, k, resamples, seed);
    }

    /**
     * pass@k from per-run result lists, over the problems every run has: mean and percentile
     * bootstrap (resampling runs, then problems, with replacement).
     */
    static PassAtKEstimate estimate(List<List<EvalResult>> perRun, int k, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
        }
        List<Map<String, EvalResult>> runs = new ArrayList<>();
        for (List<EvalResult> results : perRun) {
            Map<String, EvalResult> byProblem = new LinkedHashMap<>();
            results.forEach(r -> byProblem.put(r.problem(), r));
            if (!byProblem.isEmpty()) {
                runs.add(byProblem);
            }
        }
        if (runs.isEmpty()) {
            return new PassAtKEstimate(k, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        Set<String> common = new LinkedHashSet<>(runs.get(0).keySet());
        runs.forEach(r -> common.retainAll(r.keySet()));
        if (common.isEmpty()) {
            return new PassAtKEstimate(k, Double.NaN, Double.NaN, Double.NaN, 0, runs.size());
        }
        List<String> problems = new ArrayList<>(common);
        double[][] score = new double[runs.size()][problems.size()];
        for (int r = 0; r < runs.size(); r++) {
            for (int p = 0; p < problems.size(); p++) {
                EvalResult result = runs.get(r).get(problems.get(p));
                if (k > result.n()) {
                    throw new StoreException("pass@" + k + " needs at least " + k + " samples per problem, but "
                            + result.problem() + " of run " + result.runId() + " has n=" + result.n());
                }
                score[r][p] = PassAtK.estimate(result.n(), result.c(), k);
            }
        }
        double mean = mean(score, identity(runs.size()), identity(problems.size()));
        SplittableRandom random = new SplittableRandom(seed);
        double[] boot = new double[resamples];
        int[] runPick = new int[runs.size()];
        int[] problemPick = new int[problems.size()];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < runPick.length; i++) {
                runPick[i] = runs.size() == 1 ? 0 : random.nextInt(runs.size());
            }
            for (int i = 0; i < problemPick.length; i++) {
                problemPick[i] = random.nextInt(problems.size());
            }
            boot[b] = mean(score, runPick, problemPick);
        }
        java.util.Arrays.sort(boot);
        return new PassAtKEstimate(k, mean, percentile(boot, ALPHA / 2), percentile(boot, 1 - ALPHA / 2),
                problems.size(), runs.size());
    }

    private static double mean(double[][] score, int[] runs, int[] problems) {
        double sum = 0;
        for (int r : runs) {
            for (int p : problems) {
                sum += score[r][p];
            }
        }
        return sum / ((double) runs.length * problems.length);
    }

    private static int[] identity(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /** Linear interpolation between order statistics of a sorted array. */
    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static EvalResult map(ResultSet row) throws SQLException {
        return new EvalResult(row.getLong("run_id"), row.getLong("checkpoint_step"), row.getString("benchmark"),
                row.getString("mode"), row.getString("problem"), row.getInt("n"), row.getInt("c"));
    }

    /** Results with their samples for a run (export): result -> samples. */
    public Map<EvalResult, List<Sample>> resultsWithSamples(long runId) {
        Map<EvalResult, List<Sample>> all = new LinkedHashMap<>();
        Map<Long, EvalResult> byId = new HashMap<>();
        jdbc.query("SELECT id, run_id, checkpoint_step, benchmark, mode, problem, n, c FROM eval_results"
                + " WHERE run_id = ? ORDER BY checkpoint_step, benchmark, mode, problem", row -> {
                    EvalResult r = map(row);
                    byId.put(row.getLong("id"), r);
                    all.put(r, new ArrayList<>());
                    return null;
                }, runId);
        jdbc.query("SELECT s.result_id, s.sample_index, s.completion, s.verdict, s.detail, s.finish_reason"
                + " FROM eval_samples s"
                + " JOIN eval_results r ON r.id = s.result_id WHERE r.run_id = ? ORDER BY s.result_id, s.sample_index",
                row -> all.get(byId.get(row.getLong(1))).add(new Sample(row.getInt(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6))), runId);
        return all;
    }
}
