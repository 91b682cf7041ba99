package ablation.app.gui.store;

import ablation.app.gui.runs.RunRow;
import ablation.app.gui.runs.RunsSource;
import ablation.core.stats.BandKind;
import ablation.core.stats.LossBand;
import ablation.engine.train.MetricsSink;
import ablation.experiments.executor.StudyLayout;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricSummary;
import ablation.storage.metric.SeriesBucket;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs view over the tracking store: rows from runs and metric summaries, curves from downsampled series. */
public final class StoreRuns implements RunsSource {
    /** Lines of a worker log the view shows: the end, where a failure is. */
    static final int LOG_LINES = 200;

    private final TrackingStore store;
    private final LocalStudyService service;
    private final StudyFiles files;
    private final StoredConfigs configs = new StoredConfigs();

    public StoreRuns(TrackingStore store, LocalStudyService service, StudyFiles files) {
        this.store = store;
        this.service = service;
        this.files = files;
    }

    @Override
    public List<RunRow> runs(String study) {
        Optional<Study> found = store.studies().byName(study);
        if (found.isEmpty()) return List.of();
        Map<Long, List<MetricSummary>> summaries =
                store.metrics().summariesOfStudy(found.get().id());
        List<RunRow> rows = new ArrayList<>();
        for (Run run : store.runs().list(found.get().id())) {
            List<MetricSummary> metrics = summaries.getOrDefault(run.id(), List.of());
            Optional<MetricSummary> loss = summary(metrics, MetricsSink.TRAIN_LOSS);
            long steps = configs.steps(run);
            // the last logged step, also for a finished run: its last points may land just after it is marked finished
            long step = loss.map(MetricSummary::lastStep).orElse(0L);
            Duration eta = null;
            double tokensPerSecond = summary(metrics, MetricsSink.TOKENS_PER_SECOND)
                    .map(MetricSummary::last)
                    .orElse(Double.NaN);
            if (run.status() == RunStatus.RUNNING && tokensPerSecond > 0) {
                eta = Duration.ofSeconds(
                        Math.round((steps - step) * (double) configs.tokensPerStep(run) / tokensPerSecond));
            }
            Instant updated = run.endedAt() != null ? run.endedAt() : run.heartbeatAt();
            rows.add(new RunRow(
                    run.id(),
                    run.name(),
                    run.status().dbValue(),
                    step,
                    steps,
                    loss.map(MetricSummary::last).orElse(Double.NaN),
                    eta,
                    updated,
                    run.error()));
        }
        return rows;
    }

    @Override
    public List<LossBand> loss(List<RunRow> runs, int maxPoints) {
        List<LossBand> curves = new ArrayList<>();
        for (RunRow row : runs) {
            Optional<Run> run = store.runs().get(row.id());
            if (run.isEmpty()) continue;
            long tokensPerStep = configs.tokensPerStep(run.get());
            List<SeriesBucket> series = store.metrics().series(row.id(), MetricsSink.TRAIN_LOSS, maxPoints).stream()
                    .filter(b -> Double.isFinite(b.last()))
                    .toList();
            int n = series.size();
            if (n == 0) continue;
            double[] tokens = new double[n];
            double[] last = new double[n];
            double[] min = new double[n];
            double[] max = new double[n];
            for (int i = 0; i < n; i++) {
                SeriesBucket bucket = series.get(i);
                tokens[i] = (double) bucket.toStep() * tokensPerStep;
                last[i] = bucket.last();
                min[i] = Double.isNaN(bucket.min()) ? bucket.last() : bucket.min();
                max[i] = Double.isNaN(bucket.max()) ? bucket.last() : bucket.max();
            }
            curves.add(new LossBand(row.name(), 1, BandKind.BUCKET_RANGE, tokens, last, min, max));
        }
        return curves;
    }

    @Override
    public void cancel(RunRow run) {
        store.runs().cancel(run.id());
    }

    @Override
    public String retry(String study, RunRow run) {
        return service.retry(study, run.id());
    }

    @Override
    public String log(String study, RunRow row) {
        Run run = store.runs().require(row.id());
        StringBuilder text = new StringBuilder();
        text.append(run.name()).append(": ").append(run.status().dbValue());
        if (run.error() != null) text.append("\n\nerror: ").append(run.error());
        StudyLayout layout = files.layout(study);
        Path log = layout.workerLog(run.id());
        text.append("\n\n");
        if (!Files.isRegularFile(log)) {
            text.append("no worker log at ").append(log).append(" (the run has not started on this machine)");
            return text.toString();
        }
        try {
            List<String> lines = Files.readAllLines(log);
            int from = Math.max(0, lines.size() - LOG_LINES);
            text.append("worker log ")
                    .append(log)
                    .append(from > 0 ? " (last " + LOG_LINES + " lines)" : "")
                    .append(":\n");
            lines.subList(from, lines.size()).forEach(line -> text.append(line).append('\n'));
        } catch (IOException e) {
            text.append("cannot read the worker log ").append(log).append(": ").append(e.getMessage());
        }
        return text.toString();
    }

    private static Optional<MetricSummary> summary(List<MetricSummary> metrics, String key) {
        return metrics.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
