package ablation.engine.eval.model;

import ablation.core.config.EvalConfig;
import ablation.core.stats.ProblemCount;
import ablation.core.stats.PassAtKEstimate;
import ablation.engine.eval.ScoredSample;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.sampling.Completion;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a model on a benchmark.
 *
 * @param promptFormat how prompts were laid out ({@code l2r}, {@code codegen2}, {@code psm}, {@code spm})
 * @param seed the sampling seed
 * @param counts n and c per problem, in benchmark order (what storage keeps)
 * @param passAtK one estimate per k of the config, with its bootstrap 95% interval over problems
 * @param samples every completion with its verdict, problem by problem
 * @param outcomes how many programs ended each way
 * @param finishes how many samples ended each way (stop token, stop sequence, length)
 * @param generatedTokens tokens generated over all samples
 * @param samplingSeconds wall time spent in the model
 * @param seconds wall time of the whole evaluation (execution overlaps sampling)
 */
public record EvalResult(EvalConfig config, String promptFormat, long seed, List<ProblemCount> counts,
        List<PassAtKEstimate> passAtK,
                         List<ScoredSample> samples, Map<Outcome, Integer> outcomes, Map<Completion.Finish, Integer> finishes,
                         long generatedTokens, double samplingSeconds, double seconds) {
    public EvalResult {
        counts = List.copyOf(counts);
        passAtK = List.copyOf(passAtK);
        samples = List.copyOf(samples);
        outcomes = Map.copyOf(outcomes);
        finishes = Map.copyOf(finishes);
    }

    /** Generated tokens per second of sampling. */
    public double tokensPerSecond() {
        return generatedTokens / Math.max(samplingSeconds, 1e-9);
    }
}
