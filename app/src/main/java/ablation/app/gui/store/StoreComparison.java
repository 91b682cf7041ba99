package ablation.app.gui.store;

import ablation.app.gui.compare.CompareRun;
import ablation.app.gui.compare.CompareSource;
import ablation.app.gui.compare.Comparison;
import ablation.app.gui.compare.RunGroup;
import ablation.core.config.EvalConfig;
import ablation.engine.train.MetricsSink;
import ablation.reports.charts.ChartPoint;
import ablation.reports.charts.ChartSeries;
import ablation.reports.charts.Charts;
import ablation.reports.stats.Estimate;
import ablation.reports.stats.LossBand;
import ablation.reports.stats.SeedStats;
import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.eval.PassAtKEstimate;
import ablation.storage.metric.BandPoint;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Param;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compare view over the tracking store: loss curves with the store's seed bands (downsampled
 * in the query), pass@k per arm from the stored (n, c) with bootstrap intervals over seeds and
 * problems, and the final loss with a t interval over seeds.
 */
public final class StoreComparison implements CompareSource {
    /** Points per loss curve: the store aggregates, the chart never sees more. */
    static final int MAX_POINTS = 1000;
    static final int RESAMPLES = 1000;
    /** Seed of the bootstrap: the same store gives the same intervals. */
    static final long BOOTSTRAP_SEED = 1;
    private static final int DECIMALS = 3;

    private final TrackingStore store;
    private final StoredConfigs configs = new StoredConfigs();
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    public StoreComparison(TrackingStore store) {
        this.store = store;
    }

    @Override
    public List<CompareRun> runs(String study) {
        Optional<Study> found = store.studies().byName(study);
        if (found.isEmpty()) return List.of();
        Map<Long, Map<String, Param>> params = store.runs().paramsOfStudy(found.get().id());
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
        // The arms' bands read in parallel: each scans its runs' points, the store's pool has connections to spare.
        List<LossBand> bands = groups.parallelStream().map(this::lossBand).filter(b -> b.tokens().length > 0).toList();
        Map<String, TreeSet<Integer>> evaluations = evaluations(groups);
        List<String> header = new ArrayList<>(List.of("Arm", "Finished", "Final loss"));
        List<List<String>> rows = new ArrayList<>();
        for (RunGroup group : groups) rows.add(new ArrayList<>(List.of(group.label(), finished(group), finalLoss(group))));
        List<org.jfree.chart.JFreeChart> charts = new ArrayList<>();
        if (!bands.isEmpty()) charts.add(Charts.lossCurves("Training loss", bands, "95% CI over seeds"));
        for (Map.Entry<String, TreeSet<Integer>> evaluation : evaluations.entrySet()) {
            String[] benchmarkMode = evaluation.getKey().split(" ", 2);
            List<ChartSeries> curves = new ArrayList<>();
            for (int k : evaluation.getValue()) header.add(benchmarkMode[0] + " " + benchmarkMode[1] + " pass@" + k);
            for (int g = 0; g < groups.size(); g++) {
                List<ChartPoint> points = new ArrayList<>();
                for (int k : evaluation.getValue()) {
                    Optional<Estimate> pass = passAtK(groups.get(g), benchmarkMode[0], benchmarkMode[1], k);
                    rows.get(g).add(pass.map(e -> e.format(DECIMALS)).orElse("n/a"));
                    pass.ifPresent(e -> points.add(ChartPoint.at(k, e)));
                }
                if (!points.isEmpty()) curves.add(new ChartSeries(groups.get(g).label(), points));
            }
            if (!curves.isEmpty()) {
                charts.add(Charts.passAtK("pass@k on " + benchmarkMode[0] + " (" + benchmarkMode[1] + ")", curves));
            }
        }
        return new Comparison(charts, header, rows);
    }

    /** The arm's loss against tokens: the mean over its runs with a t-based 95% band, from the store. */
    private LossBand lossBand(RunGroup group) {
        List<BandPoint> points = store.metrics().band(group.ids(), MetricsSink.TRAIN_LOSS, MAX_POINTS).stream()
                .filter(p -> Double.isFinite(p.mean())).toList();
        long tokensPerStep = configs.tokensPerStep(run(group.ids().get(0)));
        int n = points.size();
        double[] tokens = new double[n];
        double[] mean = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            BandPoint p = points.get(i);
            tokens[i] = (double) p.step() * tokensPerStep;
            mean[i] = p.mean();
            lower[i] = p.lower();
            upper[i] = p.upper();
        }
        return new LossBand(group.label(), group.runs().size(), tokens, mean, lower, upper);
    }

    /** Benchmark and mode ({@code desk-l2r l2r}) to the k values the arms' configs ask for. */
    private Map<String, TreeSet<Integer>> evaluations(List<RunGroup> groups) {
        Map<String, TreeSet<Integer>> evaluations = new LinkedHashMap<>();
        for (RunGroup group : groups) {
            for (long id : group.ids()) {
                for (EvalConfig eval : configs.of(run(id)).eval()) {
                    evaluations.computeIfAbsent(eval.benchmark() + " " + eval.mode(), key -> new TreeSet<>()).addAll(eval.k());
                }
            }
        }
        return evaluations;
    }

    private static String finished(RunGroup group) {
        long done = group.runs().stream().filter(r -> r.status().equals(RunStatus.FINISHED.dbValue())).count();
        return done + "/" + group.runs().size();
    }

    /** The last training loss of the arm's finished runs, with a t interval over them. */
    private String finalLoss(RunGroup group) {
        double[] last = group.runs().stream().filter(r -> r.status().equals(RunStatus.FINISHED.dbValue()))
                .map(r -> store.metrics().summary(r.id(), MetricsSink.TRAIN_LOSS))
                .flatMap(Optional::stream).mapToDouble(MetricSummary::last).filter(Double::isFinite).toArray();
        return last.length == 0 ? "n/a" : SeedStats.mean(last).format(DECIMALS);
    }

    /** pass@k pooled over the arm's runs at their latest evaluated checkpoints; empty without results. */
    private Optional<Estimate> passAtK(RunGroup group, String benchmark, String mode, int k) {
        try {
            PassAtKEstimate e = store.evaluations().latestPassAtK(group.ids(), benchmark, mode, k, RESAMPLES, BOOTSTRAP_SEED);
            return e.problems() == 0 ? Optional.empty() : Optional.of(new Estimate(e.mean(), e.lower(), e.upper(), e.runs()));
        } catch (StoreException fewerSamplesThanK) {
            return Optional.empty();
        }
    }

    private Run run(long id) {
        return runs.computeIfAbsent(id, store.runs()::require);
    }
}
