package ablation.app.gui.store;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.storage.run.Run;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed configs of stored runs, kept per run id: a run's config never changes, and the views
 * that poll every few seconds need its steps and tokens per step each time.
 */
final class StoredConfigs {
    private final Map<Long, RunConfig> byRun = new ConcurrentHashMap<>();

    RunConfig of(Run run) {
        return byRun.computeIfAbsent(run.id(), id -> ConfigLoader.parse(run.configJson()));
    }

    /** Optimizer steps the run takes in all. */
    long steps(Run run) {
        RunConfig config = of(run);
        return config.train().steps(config.model().context());
    }

    /** Training tokens per optimizer step: batch × context. */
    long tokensPerStep(Run run) {
        RunConfig config = of(run);
        return (long) config.train().batch() * config.model().context();
    }
}
