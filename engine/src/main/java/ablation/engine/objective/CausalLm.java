package ablation.engine.objective;

import ablation.core.config.ObjectiveKind;
import java.util.SplittableRandom;

/** Causal language modelling: the packed tokens as they are, every target scored. */
public final class CausalLm implements Objective {
    @Override
    public ObjectiveKind kind() {
        return ObjectiveKind.CLM;
    }

    @Override
    public Example build(TokenSource source, int length, SplittableRandom random) {
        ExampleBuilder example = new ExampleBuilder(length);
        example.fill(source, true);
        return example.build(0);
    }
}
