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
    /** Accuracy of the understanding test (correct against mutated bodies), its interval in {@link #low}, {@link #high}. */
    public static final String UNDERSTANDING = "eval/understanding";
    /** Pairs the understanding test scored. */
    public static final String UNDERSTANDING_PAIRS = "eval/understanding_pairs";
    /** Distinct programs among the understanding test's pairs. */
    public static final String UNDERSTANDING_PROGRAMS = "eval/understanding_programs";
    /** Accuracy of the last-word test on held-out desk prose (lesson 4's NL task), its interval in {@link #low}, {@link #high}. */
    public static final String LAST_WORD = "eval/lastword";
    /** Items the last-word test scored. */
    public static final String LAST_WORD_ITEMS = "eval/lastword_items";
    /** Held-out documents the last-word items come from. */
    public static final String LAST_WORD_DOCUMENTS = "eval/lastword_documents";
    /** Problems whose prompt was trimmed to fit the context: {@code eval/prompts_trimmed/BENCHMARK/MODE}. */
    public static final String PROMPTS_TRIMMED_PREFIX = "eval/prompts_trimmed/";
    /** Problems whose prompt could not fit, counted as failed: {@code eval/prompts_unfit/BENCHMARK/MODE}. */
    public static final String PROMPTS_UNFIT_PREFIX = "eval/prompts_unfit/";
    /** Samples per finish reason: {@code eval/finish/REASON/BENCHMARK/MODE}. */
    public static final String FINISH_PREFIX = "eval/finish/";
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

    /**
     * Evaluation scalars that qualify another (an interval's bounds, the pairs of the understanding
     * test) or count prompts and finish reasons: {@code runs show} lists them, {@code runs list}
     * leaves them out of its table.
     */
    public static boolean isDetail(String key) {
        return key.startsWith(PROMPTS_TRIMMED_PREFIX)
                || key.startsWith(PROMPTS_UNFIT_PREFIX)
                || key.startsWith(FINISH_PREFIX)
                || key.endsWith("_low")
                || key.endsWith("_high")
                || key.endsWith("_pairs")
                || key.endsWith("_programs")
                || key.endsWith("_items")
                || key.endsWith("_documents");
    }

    /** The lower bound of an accuracy's 95% interval: {@code eval/understanding_low}. */
    public static String low(String key) {
        return key + "_low";
    }

    /** The upper bound of an accuracy's 95% interval: {@code eval/understanding_high}. */
    public static String high(String key) {
        return key + "_high";
    }

    /** {@code pass@1/desk-l2r/l2r}: the key of a pass@k figure in {@code runs list --json}. */
    public static String passAtK(int k, String benchmark, String mode) {
        return "pass@" + k + "/" + benchmark + "/" + mode;
    }
}
