package ablation.engine.eval;

import ablation.core.config.EvalMode;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
import ablation.engine.eval.sandbox.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring a samples file against a benchmark.
 *
 * @param problems problems that had samples; {@code benchmarkProblems} is the benchmark's size
 * @param counts n and c per problem, in benchmark order (what storage keeps, docs/ARCHITECTURE.md, Storage)
 * @param passAtK one estimate per requested k, with its bootstrap 95% interval over problems
 * @param outcomes how many samples ended each way
 * @param scored every sample with its verdict, in the samples' order
 */
public record ScoreReport(
        EvalMode mode,
        int problems,
        int benchmarkProblems,
        List<ProblemCount> counts,
        List<PassAtKEstimate> passAtK,
        Map<Outcome, Integer> outcomes,
        List<ScoredSample> scored) {
    public ScoreReport {
        counts = List.copyOf(counts);
        passAtK = List.copyOf(passAtK);
        outcomes = Map.copyOf(outcomes);
        scored = List.copyOf(scored);
    }
}
