package ablation.reports.source;

import ablation.core.metric.MetricKeys;
import ablation.core.stats.Intervals;
import ablation.core.stats.PassMatrix;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link RunOverview}s: every run of a study, or one run by id. */
public final class RunOverviews {
    private RunOverviews() {}

    /** The study's runs in the order they were queued. */
    public static List<RunOverview> ofStudy(TrackingStore store, Study study) {
        List<Run> runs = store.runs().list(study.id());
        StoredSpec spec = StoredSpec.read(study);
        Map<Long, JsonNode> configs = new LinkedHashMap<>();
        for (Run run : runs) configs.put(run.id(), ConfigDiff.parse(run.configJson()));
        Map<String, JsonNode> base = spec.diffBase(configs.values());
        Map<String, Set<Integer>> lessons = spec.lessonsByConfigHash();
        Map<Long, List<MetricSummary>> summaries = store.metrics().summariesOfStudy(study.id());
        List<RunOverview> overviews = new ArrayList<>();
        for (Run run : runs) {
            overviews.add(overview(
                    store,
                    study,
                    run,
                    configs.get(run.id()),
                    base,
                    lessons,
                    summaries.getOrDefault(run.id(), List.of())));
        }
        return overviews;
    }

    /** One run, diffed against its study's base (a {@code StoreException} when there is no such run). */
    public static RunOverview of(TrackingStore store, long runId) {
        Run run = store.runs().require(runId);
        Study study = store.studies().get(run.studyId()).orElseThrow();
        StoredSpec spec = StoredSpec.read(study);
        List<JsonNode> studyConfigs = store.runs().list(study.id()).stream()
                .map(r -> ConfigDiff.parse(r.configJson()))
                .toList();
        return overview(
                store,
                study,
                run,
                ConfigDiff.parse(run.configJson()),
                spec.diffBase(studyConfigs),
                spec.lessonsByConfigHash(),
                store.metrics().summaries(runId));
    }

    private static RunOverview overview(
            TrackingStore store,
            Study study,
            Run run,
            JsonNode config,
            Map<String, JsonNode> base,
            Map<String, Set<Integer>> lessons,
            List<MetricSummary> summaries) {
        Map<String, Double> finals = new LinkedHashMap<>();
        for (MetricSummary s : summaries) {
            if (s.key().equals(MetricKeys.TRAIN_LOSS)
                    || s.key().equals(MetricKeys.TRAIN_TOKENS)
                    || s.key().startsWith(MetricKeys.EVAL_PREFIX)) {
                finals.put(s.key(), s.last());
            }
        }
        List<RunOverview.PassAtK> pass = new ArrayList<>();
        for (RunMeasurements.FinalEvaluation e : RunMeasurements.finalEvaluations(store, run.id(), config)) {
            for (int k : e.evaluation().ks()) {
                pass.add(new RunOverview.PassAtK(
                        e.evaluation().benchmark(),
                        e.mode(),
                        k,
                        e.step(),
                        Intervals.DEFAULT.of(
                                PassMatrix.of(List.of(e.evaluation().problems()), k)),
                        e.evaluation().problems().size()));
            }
        }
        return new RunOverview(
                run,
                study.name(),
                lessons.getOrDefault(run.configHash(), Set.of()),
                config,
                ConfigDiff.fromBase(base, config),
                finals,
                pass);
    }
}
