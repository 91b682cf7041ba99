package ablation.app.gui.store;

import ablation.app.gui.compare.CompareRun;
import ablation.app.gui.compare.CompareSource;
import ablation.app.gui.compare.Comparison;
import ablation.app.gui.compare.RunGroup;
import ablation.core.config.Choice;
import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.metric.MetricKeys;
import ablation.core.stats.Estimate;
import ablation.core.stats.LossBand;
import ablation.reports.charts.ChartPoint;
import ablation.reports.charts.ChartSeries;
import ablation.reports.charts.Charts;
import ablation.reports.lessons.ArmSummary;
import ablation.reports.source.StudyResultsLoader;
import ablation.storage.TrackingStore;
import ablation.storage.run.Param;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compare view over the tracking store. Each arm is an {@link ArmSummary} of its runs, measured
 * by the report's loader, so its loss band, final loss and pass@k intervals are the report's
 * numbers, computed by the same code with the same settings (docs/ARCHITECTURE.md).
 */
public final class StoreComparison implements CompareSource {
    /** Decimals of the table: the report's. */
    static final int DECIMALS = 3;

    private final TrackingStore store;
    /** The evaluation tests shown as columns where some arm has them: key to column title. */
    private static final List<Map.Entry<String, String>> ACCURACIES = List.of(
            Map.entry(MetricKeys.UNDERSTANDING, "Understanding"), Map.entry(MetricKeys.LAST_WORD, "NL last word"));

    private final StoredConfigs configs = new StoredConfigs();
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    public StoreComparison(TrackingStore store) {
        this.store = store;
    }

    @Override
    public List<CompareRun> runs(String study) {
        Optional<Study> found = store.studies().byName(study);
        if (found.isEmpty()) return List.of();
        Map<Long, Map<String, Param>> params =
                store.runs().paramsOfStudy(found.get().id());
        List<CompareRun> list = new ArrayList<>();
        for (Run run : store.runs().list(found.get().id())) {
            runs.put(run.id(), run);
            Map<String, String> config = new LinkedHashMap<>();
            params.getOrDefault(run.id(), Map.of()).forEach((name, p) -> config.put(name, p.display()));
            list.add(new CompareRun(run.id(), run.name(), run.status().dbValue(), run.cellKey(), config));
        }
        return list;
    }

    @Override
    public Comparison compare(List<RunGroup> groups) {
        // The arms' runs read in parallel: each scans its runs' points, the store's pool has connections to spare.
        List<ArmSummary> arms = groups.parallelStream()
                .map(g -> ArmSummary.of(g.label(), StudyResultsLoader.runs(store, g.ids())))
                .toList();
        List<LossBand> bands = arms.stream()
                .map(ArmSummary::lossBand)
                .filter(Objects::nonNull)
                .filter(b -> b.tokens().length > 0)
                .toList();
        Map<String, TreeSet<Integer>> evaluations = evaluations(groups);
        List<String> header = new ArrayList<>(List.of("Arm", "Finished", "Final loss"));
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            rows.add(new ArrayList<>(List.of(
                    groups.get(g).label(),
                    finished(arms.get(g)),
                    format(arms.get(g).finalLoss()))));
        }
        for (Map.Entry<String, String> test : ACCURACIES) {
            if (arms.stream().allMatch(a -> a.accuracy(test.getKey()) == null)) continue;
            header.add(test.getValue());
            for (int g = 0; g < groups.size(); g++)
                rows.get(g).add(format(arms.get(g).accuracy(test.getKey())));
        }
        List<org.jfree.chart.JFreeChart> charts = new ArrayList<>();
        if (!bands.isEmpty()) charts.add(Charts.lossCurves("Training loss", bands));
        for (Map.Entry<String, TreeSet<Integer>> evaluation : evaluations.entrySet()) {
            String[] benchmarkMode = evaluation.getKey().split(" ", 2);
            EvalMode mode = Choice.find(EvalMode.class, benchmarkMode[1]).orElse(null);
            List<ChartSeries> curves = new ArrayList<>();
            for (int k : evaluation.getValue()) header.add(benchmarkMode[0] + " " + benchmarkMode[1] + " pass@" + k);
            for (int g = 0; g < groups.size(); g++) {
                ArmSummary arm = arms.get(g);
                List<Integer> measured = mode == null ? List.of() : arm.ks(benchmarkMode[0], mode);
                List<ChartPoint> points = new ArrayList<>();
                for (int k : evaluation.getValue()) {
                    Estimate pass = measured.contains(k) ? arm.passAtK(benchmarkMode[0], mode, k) : null;
                    rows.get(g).add(format(pass));
                    if (pass != null) points.add(ChartPoint.at(k, pass));
                }
                if (!points.isEmpty()) curves.add(new ChartSeries(groups.get(g).label(), points));
            }
            if (!curves.isEmpty()) {
                charts.add(Charts.passAtK("pass@k on " + benchmarkMode[0] + " (" + benchmarkMode[1] + ")", curves));
            }
        }
        return new Comparison(charts, header, rows);
    }

    /** Benchmark and mode ({@code desk-l2r l2r}) to the k values the arms' configs ask for. */
    private Map<String, TreeSet<Integer>> evaluations(List<RunGroup> groups) {
        Map<String, TreeSet<Integer>> evaluations = new LinkedHashMap<>();
        for (RunGroup group : groups) {
            for (long id : group.ids()) {
                for (EvalConfig eval : configs.of(run(id)).eval()) {
                    evaluations
                            .computeIfAbsent(eval.benchmark() + " " + eval.mode(), key -> new TreeSet<>())
                            .addAll(eval.k());
                }
            }
        }
        return evaluations;
    }

    private static String finished(ArmSummary arm) {
        return arm.finished().size() + "/"
                + (arm.finished().size() + arm.unfinished().size());
    }

    private static String format(Estimate estimate) {
        return estimate == null ? "n/a" : estimate.format(DECIMALS);
    }

    private Run run(long id) {
        return runs.computeIfAbsent(id, store.runs()::require);
    }
}
