package ablation.engine.eval.model;

import ablation.core.eval.StoredBenchmarks;
import ablation.engine.lastword.LastWordResult;
import ablation.engine.understanding.UnderstandingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link CheckpointEvaluation} measured on one checkpoint.
 *
 * @param step the checkpoint's step
 * @param evaluations one per {@code eval} entry, in config order
 * @param ceilings L2R pass@k on the problems of each desk infill evaluation ({@link CheckpointEvaluation#ceilings})
 * @param bitsPerByte per held-out source; empty when not asked for
 * @param lastWord the last-word test, or null when not asked for or the run has no desk prose
 * @param understanding the understanding test, or null when not asked for
 */
public record CheckpointReport(
        long step,
        List<EvalResult> evaluations,
        List<EvalResult> ceilings,
        Map<String, Double> bitsPerByte,
        LastWordResult lastWord,
        UnderstandingResult understanding) {
    public CheckpointReport {
        evaluations = List.copyOf(evaluations);
        ceilings = List.copyOf(ceilings);
        bitsPerByte = Map.copyOf(bitsPerByte);
    }

    /** The evaluations and then the ceilings: every (benchmark, mode) whose per-problem results are stored. */
    public List<EvalResult> allEvaluations() {
        List<EvalResult> all = new ArrayList<>(evaluations);
        all.addAll(ceilings);
        return all;
    }

    /**
     * The name each of {@link #allEvaluations()} is stored under: its benchmark, or
     * {@code desk-l2r@T0.2} beside the same benchmark and mode sampled at another temperature.
     */
    public List<String> storedNames() {
        return StoredBenchmarks.names(allEvaluations().stream()
                .map(r -> new StoredBenchmarks.Entry(
                        r.config().benchmark(),
                        r.config().mode().label(),
                        r.config().temperature()))
                .toList());
    }

    /** Every scalar metric by key ({@link EvalMetrics}), in a stable order. */
    public Map<String, Double> metrics() {
        return EvalMetrics.of(this);
    }
}
