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
    /** Accuracy of the understanding test (correct against mutated bodies), and its 95% interval over pairs. */
    public static final String UNDERSTANDING = RunEvaluation.UNDERSTANDING;
    public static final String UNDERSTANDING_LOW = RunEvaluation.UNDERSTANDING_LOW;
    public static final String UNDERSTANDING_HIGH = RunEvaluation.UNDERSTANDING_HIGH;
    /** Prefix of every evaluation scalar. */
    public static final String EVAL_PREFIX = "eval/";
    /** Problems whose prompt was trimmed to fit the context: {@code eval/prompts_trimmed/BENCHMARK/MODE}. */
    public static final String PROMPTS_TRIMMED_PREFIX = "eval/prompts_trimmed/";
    /** Problems whose prompt could not fit, counted as failed: {@code eval/prompts_unfit/BENCHMARK/MODE}. */
    public static final String PROMPTS_UNFIT_PREFIX = "eval/prompts_unfit/";
    /** Samples per finish reason: {@code eval/finish/REASON/BENCHMARK/MODE}. */
    public static final String FINISH_PREFIX = "eval/finish/";

    private MetricKeys() {}

    /**
     * Evaluation scalars that qualify another (an interval's bounds, the pairs of the understanding
     * test) or count prompts and finish reasons: {@code runs show} lists them, {@code runs list}
     * leaves them out of its table.
     */
    public static boolean isDetail(String key) {
        return key.startsWith(PROMPTS_TRIMMED_PREFIX) || key.startsWith(PROMPTS_UNFIT_PREFIX) || key.startsWith(FINISH_PREFIX)
                || key.endsWith("_low") || key.endsWith("_high") || key.endsWith("_pairs") || key.endsWith("_programs");
    }

    /** {@code pass@1/desk-l2r/l2r}: the key of a pass@k figure in {@code runs list --json}. */
    public static String passAtK(int k, String benchmark, String mode) {
        return "pass@" + k + "/" + benchmark + "/" + mode;
    }
}
