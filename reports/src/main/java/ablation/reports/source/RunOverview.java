package ablation.reports.source;

import ablation.core.metric.MetricKeys;
import ablation.core.stats.Estimate;
import ablation.storage.run.Run;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One stored run as {@code workbench runs} shows it: the run as stored, the lessons that use it,
 * its config and what it changes from its study's base, and its final figures.
 *
 * @param finals     the last value of {@value MetricKeys#TRAIN_LOSS}, {@value MetricKeys#TRAIN_TOKENS}
 *                   and every {@code eval/...} series, by key in name order; non-finite values kept
 * @param passAtK    pass@k at the last evaluated checkpoint, per benchmark, mode and configured k
 */
public record RunOverview(
        Run run,
        String study,
        Set<Integer> lessons,
        JsonNode config,
        Map<String, JsonNode> configDiff,
        Map<String, Double> finals,
        List<PassAtK> passAtK) {
    public RunOverview {
        lessons = Set.copyOf(lessons);
        configDiff = Collections.unmodifiableMap(new LinkedHashMap<>(configDiff));
        finals = Collections.unmodifiableMap(new TreeMap<>(finals));
        passAtK = List.copyOf(passAtK);
    }

    /**
     * pass@k of one run on one benchmark and mode: the mean over problems with its 95% bootstrap
     * interval over problems (the report's estimator).
     *
     * @param step the checkpoint step evaluated
     */
    public record PassAtK(String benchmark, String mode, int k, long step, Estimate estimate, int problems) {
        /** {@code pass@1/desk-l2r/l2r}. */
        public String key() {
            return MetricKeys.passAtK(k, benchmark, mode);
        }
    }

    public long seed() {
        return StudyResultsLoader.seed(config);
    }
}
