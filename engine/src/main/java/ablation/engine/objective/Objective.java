package ablation.engine.objective;

import java.util.SplittableRandom;

/**
 * A training objective: turns raw tokens pulled from a source into one example of exactly the
 * requested length (no padding: an objective that adds sentinels pulls fewer raw tokens).
 */
public interface Objective {
    /** The config key: {@code clm}, {@code prefix_lm}, {@code span_corruption} or {@code fim}. */
    String name();

    /** An example of {@code length} tokens (context + 1); all randomness from {@code random}. */
    Example build(TokenSource source, int length, SplittableRandom random);
}
