package ablation.reports.model;

import ablation.core.config.EvalMode;
import ablation.core.stats.ProblemCount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's evaluation on one benchmark (at its final checkpoint): per-problem (n, c), from which
 * pass@k for any k up to n and its intervals are computed.
 *
 * @param benchmark the benchmark as stored: its name, with {@code @T0.2} when a run evaluated it at several
 * temperatures
 * @param ks the k values the evaluation was configured to report
 * @param temperature the sampling temperature, NaN when the config does not say
 */
public record Evaluation(
        String benchmark, EvalMode mode, List<Integer> ks, List<ProblemCount> problems, double temperature) {
    public Evaluation {
        if (benchmark == null) throw new IllegalArgumentException("evaluation benchmark is required");
        if (mode == null) throw new IllegalArgumentException("evaluation " + benchmark + ": mode is required");
        ks = List.copyOf(ks);
        problems = List.copyOf(problems);
        if (ks.isEmpty()) throw new IllegalArgumentException("evaluation " + benchmark + ": needs at least one k");
        if (problems.isEmpty()) throw new IllegalArgumentException("evaluation " + benchmark + ": has no problems");
        Set<String> ids = new HashSet<>();
        for (ProblemCount p : problems) {
            if (!ids.add(p.taskId()))
                throw new IllegalArgumentException(
                        "evaluation " + benchmark + ": problem " + p.taskId() + " appears twice");
        }
    }

    /** An evaluation whose sampling temperature is not known. */
    public Evaluation(String benchmark, EvalMode mode, List<Integer> ks, List<ProblemCount> problems) {
        this(benchmark, mode, ks, problems, Double.NaN);
    }

    /** "desk-l2r (L2R)": the benchmark and mode, as tables name it. */
    public String key() {
        return benchmark + " (" + mode.title() + ")";
    }
}
