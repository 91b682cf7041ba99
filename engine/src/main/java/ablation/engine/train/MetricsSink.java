package ablation.engine.train;

/**
 * Where the trainer reports its scalar series: {@code (key, step, value)}. The engine knows nothing
 * of databases; the experiments module adapts this to the tracking store. Values may be NaN or
 * infinite (a diverging run); a sink keeps them.
 */
@FunctionalInterface
public interface MetricsSink {
    String TRAIN_LOSS = "train/loss";
    String LEARNING_RATE = "train/lr";
    String GRADIENT_NORM = "train/grad_norm";
    String TOKENS = "train/tokens";
    String TOKENS_PER_SECOND = "train/tokens_per_s";

    MetricsSink NONE = (key, step, value) -> {};

    void record(String key, long step, double value);

    /** Called before each checkpoint is written and at the end of training: a sink that batches writes them now. */
    default void flush() {}
}
