package ablation.engine.objective;

import ablation.core.config.ObjectiveConfig;
import ablation.core.config.ObjectiveKind;
import java.util.SplittableRandom;

/**
 * Prefix-LM: a split point p drawn uniformly between {@code objective.prefix.min_fraction} and
 * {@code max_fraction} of the T inputs; the first p inputs are attended bidirectionally and the
 * loss covers only tokens after them (the target of input p-1 onwards), so no scored token is
 * visible to the prefix.
 */
public final class PrefixLm implements Objective {
    private final ObjectiveConfig.Prefix prefix;

    public PrefixLm(ObjectiveConfig.Prefix prefix) {
        this.prefix = prefix;
    }

    @Override
    public ObjectiveKind kind() {
        return ObjectiveKind.PREFIX_LM;
    }

    @Override
    public Example build(TokenSource source, int length, SplittableRandom random) {
        int inputs = length - 1;
        double fraction = prefix.minFraction() + (prefix.maxFraction() - prefix.minFraction()) * random.nextDouble();
        int split = (int) Math.min(inputs - 1, Math.round(fraction * inputs));
        ExampleBuilder example = new ExampleBuilder(length);
        example.fill(source, true);
        Example plain = example.build(0);
        boolean[] scored = plain.scored().clone();
        for (int j = 0; j < split; j++) scored[j] = false;
        return new Example(plain.tokens(), scored, split);
    }
}
