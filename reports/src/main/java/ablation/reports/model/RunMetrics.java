package ablation.reports.model;

import ablation.core.config.EvalMode;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a run measured. A failed run keeps what it logged before failing; a missing run has {@link #NONE}.
 *
 * @param loss training loss against tokens, as the store's downsampled query returns it (a few hundred points)
 * @param probeAccuracy accuracy of the run's probe task, when it has one
 * @param scalars the last finite value of every other evaluation scalar, by key (e.g. {@code eval/understanding})
 */
public record RunMetrics(List<LossPoint> loss, List<Evaluation> evaluations, List<BitsPerByte> bitsPerByte,
                         OptionalDouble probeAccuracy, Map<String, Double> scalars) {
    public static final RunMetrics NONE = new RunMetrics(List.of(), List.of(), List.of(), OptionalDouble.empty());

    public RunMetrics {
        loss = List.copyOf(loss);
        evaluations = List.copyOf(evaluations);
        bitsPerByte = List.copyOf(bitsPerByte);
        if (probeAccuracy == null) probeAccuracy = OptionalDouble.empty();
        scalars = Map.copyOf(scalars);
    }

    /** Measurements without other evaluation scalars. */
    public RunMetrics(List<LossPoint> loss, List<Evaluation> evaluations, List<BitsPerByte> bitsPerByte,
            OptionalDouble probeAccuracy) {
        this(loss, evaluations, bitsPerByte, probeAccuracy, Map.of());
    }

    /** The last value of an evaluation scalar, or NaN when the run did not log it. */
    public double scalar(String key) {
        return scalars.getOrDefault(key, Double.NaN);
    }

    /** The evaluation on {@code benchmark} in {@code mode}, or null. */
    public Evaluation evaluation(String benchmark, EvalMode mode) {
        return evaluations.stream().filter(e -> e.benchmark().equals(benchmark) && e.mode() == mode).findFirst().orElse(null);
    }

    /** Mean bits per byte over this run's held-out sources of {@code domain}, or NaN when it has none. */
    public double bitsPerByte(Domain domain) {
        return bitsPerByte.stream().filter(b -> b.domain() == domain).mapToDouble(BitsPerByte::value).average().orElse(Double.NaN);
    }
}
