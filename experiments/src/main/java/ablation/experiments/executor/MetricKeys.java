package ablation.experiments.executor;

/** Names of the metrics a worker writes to the store; the GUI, the reports and progress read them. */
public final class MetricKeys {
    public static final String TRAIN_LOSS = "train/loss";
    public static final String LEARNING_RATE = "train/lr";
    public static final String GRAD_NORM = "train/grad_norm";
    public static final String TOKENS = "train/tokens";
    public static final String TOKENS_PER_SECOND = "train/tokens_per_s";

    private MetricKeys() {}
}
