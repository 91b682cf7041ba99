package ablation.reports.source;

import ablation.experiments.worker.RunEvaluation;

/**
 * The metric series the reports read. The training keys are the trainer's (the engine's
 * {@code MetricsSink}; repeated here because reports may not depend on the engine); the
 * evaluation keys are the ones the study worker's evaluation logs a scalar under.
 */
public final class MetricKeys {
    /** Training loss per step. */
    public static final String TRAIN_LOSS = "train/loss";
    /** Training tokens seen up to a step: the x axis of loss curves when present. */
    public static final String TRAIN_TOKENS = "train/tokens";
    /** Held-out bits per byte of one source: {@code eval/bpb/<source name>}. */
    public static final String BITS_PER_BYTE_PREFIX = RunEvaluation.BITS_PER_BYTE;
    /** Accuracy of the understanding probe (correct against mutated functions). */
    public static final String PROBE_ACCURACY = RunEvaluation.PROBE_ACCURACY;
    /** Prefix of every evaluation scalar. */
    public static final String EVAL_PREFIX = "eval/";

    private MetricKeys() {}

    /** {@code pass@1/desk-l2r/l2r}: the key of a pass@k figure in {@code runs list --json}. */
    public static String passAtK(int k, String benchmark, String mode) {
        return "pass@" + k + "/" + benchmark + "/" + mode;
    }
}
