package ablation.reports.model;

import ablation.core.config.EvalMode;
import ablation.core.metric.MetricKeys;
import java.util.List;
import java.util.Map;

/**
 * What a run measured. A failed run keeps what it logged before failing; a missing run has {@link #NONE}.
 *
 * @param loss training loss against tokens, as the store's downsampled query returns it (a few hundred points)
 * @param scalars the last finite value of every other evaluation scalar, by key (e.g. {@code eval/understanding})
 * @param promptChecks trimmed and unfit prompts and finish reasons of each evaluation that recorded them
 */
public record RunMetrics(
        List<LossPoint> loss,
        List<Evaluation> evaluations,
        List<BitsPerByte> bitsPerByte,
        Map<String, Double> scalars,
        List<PromptCheck> promptChecks) {
    public static final RunMetrics NONE = new RunMetrics(List.of(), List.of(), List.of(), Map.of());

    public RunMetrics {
        loss = List.copyOf(loss);
        evaluations = List.copyOf(evaluations);
        bitsPerByte = List.copyOf(bitsPerByte);
        scalars = Map.copyOf(scalars);
        promptChecks = List.copyOf(promptChecks);
    }

    /** A run whose evaluations recorded no prompt checks. */
    public RunMetrics(
            List<LossPoint> loss,
            List<Evaluation> evaluations,
            List<BitsPerByte> bitsPerByte,
            Map<String, Double> scalars) {
        this(loss, evaluations, bitsPerByte, scalars, List.of());
    }

    /**
     * The run's accuracy on a test ({@value MetricKeys#UNDERSTANDING}, {@value MetricKeys#LAST_WORD}),
     * read from its scalars with its bounds (NaN when not stored), or null when it has none: the same
     * values the verdicts read.
     */
    public Accuracy accuracy(String key) {
        double accuracy = scalar(key);
        if (Double.isNaN(accuracy)) return null;
        return new Accuracy(accuracy, scalar(MetricKeys.low(key)), scalar(MetricKeys.high(key)));
    }

    /** The last value of an evaluation scalar, or NaN when the run did not log it. */
    public double scalar(String key) {
        return scalars.getOrDefault(key, Double.NaN);
    }

    /** The prompt check of the evaluation on {@code benchmark} in {@code mode} (as stored), or null. */
    public PromptCheck promptCheck(String benchmark, String mode) {
        return promptChecks.stream()
                .filter(c -> c.benchmark().equals(benchmark) && c.mode().equals(mode))
                .findFirst()
                .orElse(null);
    }

    /** The evaluation on {@code benchmark} in {@code mode}, or null. */
    public Evaluation evaluation(String benchmark, EvalMode mode) {
        return evaluations.stream()
                .filter(e -> e.benchmark().equals(benchmark) && e.mode() == mode)
                .findFirst()
                .orElse(null);
    }

    /** Mean bits per byte over this run's held-out sources of {@code domain}, or NaN when it has none. */
    public double bitsPerByte(Domain domain) {
        return bitsPerByte.stream()
                .filter(b -> b.domain() == domain)
                .mapToDouble(BitsPerByte::value)
                .average()
                .orElse(Double.NaN);
    }
}
