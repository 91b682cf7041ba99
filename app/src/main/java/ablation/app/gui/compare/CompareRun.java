package ablation.app.gui.compare;

import java.util.Map;
import java.util.TreeMap;

/**
 * A run as the compare view groups and diffs it.
 *
 * @param cellKey hash of the config without the seed: the seeds of one grid cell share it
 * @param config the run's effective config flattened to dotted paths ({@code objective.fim = 0.5}), sorted
 */
public record CompareRun(long id, String name, String status, String cellKey, Map<String, String> config) {
    public CompareRun {
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }

    /** The value at a config path, or {@code -} where the run's config has none. */
    public String value(String field) {
        return config.getOrDefault(field, "-");
    }
}
