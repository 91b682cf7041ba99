package ablation.reports.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of a study as the report sees it.
 *
 * @param statusDetail why a run failed or is missing (the error's first line), or null
 * @param cellKey hash of the config without the seed: the runs of one arm share it
 * @param lessons the lessons (1-5) whose comparisons use this run (kept in ascending order)
 * @param configDiff config path to value, for every value that differs from the study's base
 * @param config the run's full effective config (JSON or YAML text), or null for a missing run
 */
public record RunResult(
        String name,
        RunStatus status,
        String statusDetail,
        long seed,
        String cellKey,
        Set<Integer> lessons,
        Map<String, String> configDiff,
        String config,
        Provenance provenance,
        RunMetrics metrics) {
    public RunResult {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a run needs a name");
        if (status == null) throw new IllegalArgumentException("run " + name + ": status is required");
        lessons = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(lessons));
        configDiff = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configDiff));
        if (provenance == null) provenance = Provenance.UNKNOWN;
        if (metrics == null) metrics = RunMetrics.NONE;
    }

    public boolean finished() {
        return status == RunStatus.FINISHED;
    }
}
