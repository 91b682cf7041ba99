package ablation.engine.eval.model;

import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
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
 * @param samples every completion with its verdict and finish reason, problem by problem
 * @param outcomes how many programs ended each way
 * @param finishes how many samples ended each way (stop token, stop sequence, length, prompt too long)
 * @param trimmedPrompts problems whose prompt was trimmed to fit the context ({@code PromptFormat#fit})
 * @param unfitProblems problems whose prompt did not fit even trimmed: nothing generated, counted as failed
 * @param generatedTokens tokens generated over all samples
 * @param samplingSeconds wall time spent in the model
 * @param seconds wall time of the whole evaluation (execution overlaps sampling)
 */
public record EvalResult(
        EvalConfig config,
        String promptFormat,
        long seed,
        List<ProblemCount> counts,
        List<PassAtKEstimate> passAtK,
        List<GeneratedSample> samples,
        Map<Outcome, Integer> outcomes,
        Map<Completion.Finish, Integer> finishes,
        List<String> trimmedPrompts,
        List<String> unfitProblems,
        long generatedTokens,
        double samplingSeconds,
        double seconds) {
    public EvalResult {
        counts = List.copyOf(counts);
        passAtK = List.copyOf(passAtK);
        samples = List.copyOf(samples);
        outcomes = Map.copyOf(outcomes);
        finishes = Map.copyOf(finishes);
        trimmedPrompts = List.copyOf(trimmedPrompts);
        unfitProblems = List.copyOf(unfitProblems);
    }

    /** The evaluation's mode. */
    public EvalMode mode() {
        return config.mode();
    }

    /** The scored samples without their finish reasons (the samples file's lines). */
    public List<ScoredSample> scored() {
        return samples.stream().map(GeneratedSample::scored).toList();
    }

    /** Generated tokens per second of sampling. */
    public double tokensPerSecond() {
        return generatedTokens / Math.max(samplingSeconds, 1e-9);
    }
}
