package ablation.engine.train;

import ablation.core.metric.MetricKeys;

/**
 * Where the trainer reports its scalar series: {@code (key, step, value)}. The engine knows nothing
 * of databases; the experiments module adapts this to the tracking store. Values may be NaN or
 * infinite (a diverging run); a sink keeps them.
 */
@FunctionalInterface
public interface MetricsSink {
    String TRAIN_LOSS = MetricKeys.TRAIN_LOSS;
    String LEARNING_RATE = MetricKeys.LEARNING_RATE;
    String GRADIENT_NORM = MetricKeys.GRADIENT_NORM;
    String TOKENS = MetricKeys.TRAIN_TOKENS;
    String TOKENS_PER_SECOND = MetricKeys.TOKENS_PER_SECOND;

    MetricsSink NONE = (key, step, value) -> {};

    void record(String key, long step, double value);

    /** Called before each checkpoint is written and at the end of training: a sink that batches writes them now. */
    default void flush() {}
}
