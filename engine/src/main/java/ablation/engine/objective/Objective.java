package ablation.engine.objective;

import ablation.core.config.ObjectiveKind;
import java.util.SplittableRandom;

/**
 * A training objective: turns raw tokens pulled from a source into one example of exactly the
 * requested length (no padding: an objective that adds sentinels pulls fewer raw tokens).
 */
public interface Objective {
    /** Which objective this is: its config key and its place in the mixture. */
    ObjectiveKind kind();

    /** An example of {@code length} tokens (context + 1); all randomness from {@code random}. */
    Example build(TokenSource source, int length, SplittableRandom random);
}
