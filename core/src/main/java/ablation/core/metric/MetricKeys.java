package ablation.core.metric;

/**
 * The metric series: the trainer and the worker's evaluation write them; the reports, the GUI and
 * {@code runs list} read them. One list, so that writers and readers agree.
 */
public final class MetricKeys {
    /** Training loss per step. */
    public static final String TRAIN_LOSS = "train/loss";
    /** Training tokens seen up to a step: the x axis of loss curves when present. */
    public static final String TRAIN_TOKENS = "train/tokens";
    /** Held-out bits per byte of one source: {@code eval/bpb/<source name>}. */
    public static final String BITS_PER_BYTE_PREFIX = "eval/bpb/";
    /** Accuracy of the understanding probe (correct against mutated functions). */
    public static final String PROBE_ACCURACY = "eval/probe_accuracy";
    /** Prefix of every evaluation scalar. */
    public static final String EVAL_PREFIX = "eval/";
    /** Learning rate per step. */
    public static final String LEARNING_RATE = "train/lr";
    /** Global gradient norm before clipping. */
    public static final String GRADIENT_NORM = "train/grad_norm";
    /** Training throughput. */
    public static final String TOKENS_PER_SECOND = "train/tokens_per_s";
    /** Epochs of one source consumed so far: {@code data/epochs/<source name>}. */
    public static final String EPOCHS_PREFIX = "data/epochs/";
    /** Realised fraction of sequences per objective: {@code data/objective/<objective name>}. */
    public static final String OBJECTIVE_FRACTION_PREFIX = "data/objective/";
    /** The realised span-corruption mask ratio (tokens in spans per token of corrupted text). */
    public static final String MASK_RATIO = "data/span_corruption/mask_ratio";
    /** The realised FIM rate (transformed texts per candidate text of FIM sequences). */
    public static final String FIM_RATE = "data/fim/rate";

    private MetricKeys() {}

    /** {@code pass@1/desk-l2r/l2r}: the key of a pass@k figure in {@code runs list --json}. */
    public static String passAtK(int k, String benchmark, String mode) {
        return "pass@" + k + "/" + benchmark + "/" + mode;
    }
}
