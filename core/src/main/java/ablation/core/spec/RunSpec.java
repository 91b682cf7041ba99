package ablation.core.spec;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import java.util.Map;
import java.util.Set;

/**
 * One run of a study: its validated config, where it sits in the grid, and its compute.
 *
 * @param axisLabels axis name to the label of this run's value, in axis order (the run name's parts)
 * @param lessons the CodeGen2 lessons (1-5) whose comparisons use this run; a run shared by several
 *                ablations of a study is trained once
 * @param configHash hash of the effective config without its name: equal hashes are the same run
 * @param cellKey hash of the config without name and seed: runs that differ only in seed share it
 * @param vocabSize the vocabulary the run's tokenizer will have
 * @param trainingFlops estimated training FLOPs (6·N·tokens plus attention)
 */
public record RunSpec(
        String name,
        RunConfig config,
        Map<String, String> axisLabels,
        Set<Integer> lessons,
        String configHash,
        String cellKey,
        int vocabSize,
        long parameters,
        double trainingFlops) {
    public RunSpec {
        axisLabels = Map.copyOf(axisLabels);
        lessons = Set.copyOf(lessons);
    }

    /** The effective config as JSON, exactly as the queue stores it. */
    public String configJson() {
        return ConfigLoader.toJson(config);
    }

    public long seed() {
        return config.train().seed();
    }

    public long tokens() {
        return config.train().tokens();
    }

    public long steps() {
        return config.train().steps(config.model().context());
    }
}
