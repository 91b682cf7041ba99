package ablation.app.gui;

import ablation.app.gui.compare.CompareViewModel;
import ablation.app.gui.store.StoreServices;
import ablation.app.gui.store.StudyFiles;
import ablation.app.gui.studies.StudyCatalog;
import ablation.app.gui.studies.StudyEntry;
import ablation.core.WorkbenchException;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.engine.train.MetricsSink;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.WorkerCommand;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code workbench bench gui}: how fast the compare view opens on a large study. Fills a temporary
 * H2 store with a study of {@code runs} finished runs (five FIM rates × seeds) of {@code points}
 * loss points each, opens the window headless, and times the compare view from the moment the
 * study is chosen to the first frame that shows its charts and tables; meanwhile it records the
 * longest gap between two frames of the FX thread (what a user would feel as a freeze).
 */
public final class CompareBench {
    /** One figure set of the bench. */
    public record Result(
            int runs,
            long pointsPerRun,
            double fillSeconds,
            double openMillis,
            double reopenMillis,
            double regroupMillis,
            double maxFrameGapMillis,
            int chartPoints) {}

    private static final double[] FIM_RATES = {0, 0.25, 0.5, 0.75, 0.9};
    private static final long TIMEOUT_SECONDS = 120;

    private CompareBench() {}

    public static Result run(Path directory, int runs, long points) throws Exception {
        if (runs < FIM_RATES.length || runs % FIM_RATES.length != 0) {
            throw new WorkbenchException(
                    "--runs must be a multiple of " + FIM_RATES.length + " (the FIM rates), got " + runs);
        }
        if (points < 1) throw new WorkbenchException("--points must be positive, got " + points);
        String url = StoreLocation.h2FileUrl(directory.resolve("bench"));
        TrackingStore store = TrackingStore.open(url);
        long fillStart = System.nanoTime();
        String study = fill(store, runs / FIM_RATES.length, points);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        try (StoreServices services = new StoreServices(
                store,
                url,
                new StudyFiles(directory.resolve("studies")),
                WorkerCommand.standard(),
                LocalExecutor.Options.defaults())) {
            GuiLauncher.startHeadless(1280, 800);
            try {
                return measure(services, study, runs, points, fillSeconds);
            } finally {
                Platform.exit();
            }
        }
    }

    /** A five-arm FIM study, seeds × arms runs, each finished with a noisy decreasing loss of {@code points} steps. */
    private static String fill(TrackingStore store, int seeds, long points) {
        StringBuilder seedList = new StringBuilder();
        for (int s = 1; s <= seeds; s++) seedList.append(s == 1 ? "" : ", ").append(s);
        String yaml = """
                name: bench-gui
                base:
                  model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
                  tokenizer: {train: {vocab_size: 512}}
                  data: {sources: [{name: py, kind: desk-pl}]}
                  train: {tokens: %d, batch: 4}
                  eval: []
                axes:
                  - {path: objective, values: [{clm: 1.0, fim: 0.0}, {clm: 0.75, fim: 0.25}, {clm: 0.5, fim: 0.5}, {clm: 0.25, fim: 0.75}, {clm: 0.1, fim: 0.9}]}
                seeds: [%s]
                """.formatted(points * 4 * 32, seedList);
        AblationSpec spec = SpecLoader.parse(yaml);
        Study study = StudyQueue.enqueue(
                store, spec.name(), ablation.core.config.ConfigLoader.readTree(yaml), GridExpander.expand(spec, false));
        Provenance provenance = new Provenance(
                "bench", null, null, "cpu", "bench", System.getProperty("os.name"), System.getProperty("java.version"));
        List<Run> all = store.runs().list(study.id());
        for (int r = 0; r < all.size(); r++) {
            Run run = all.get(r);
            store.runs().start(run.id(), provenance);
            SplittableRandom noise = new SplittableRandom(r);
            double floor = 2.0 + 0.05 * (r % FIM_RATES.length);
            try (MetricWriter metrics = store.metrics()
                    .writer(run.id(), new MetricWriter.Settings(50_000, java.time.Duration.ofMinutes(1)))) {
                for (long step = 1; step <= points; step++) {
                    metrics.log(
                            MetricsSink.TRAIN_LOSS,
                            step,
                            floor + 4.0 / Math.sqrt(step) + 0.05 * noise.nextGaussian(),
                            0);
                }
            }
            store.runs().finish(run.id());
        }
        return spec.name();
    }

    private static Result measure(StoreServices services, String study, int runs, long points, double fillSeconds)
            throws Exception {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                StudyCatalog none = new StudyCatalog() {
                    @Override
                    public List<StudyEntry> studies() {
                        return List.of();
                    }

                    @Override
                    public void remember(Path file) {}
                };
                WorkbenchWindow window = WorkbenchWindow.create(
                        services.services(none, Dialogs.standard(null), 1e10),
                        WindowState.INITIAL.withBounds(0, 0, 1280, 800, false),
                        java.time.Duration.ofMillis(1),
                        new UnexpectedErrors(Platform::runLater));
                window.start(Optional.empty(), Section.COMPARE);
                Stage stage = new Stage();
                window.show(stage, s -> {});
                FrameGaps gaps = new FrameGaps();
                CompareViewModel compare = window.model().compare();
                afterFrames(
                        3,
                        () -> { // the window's own first frames are not the compare view's
                            gaps.start();
                            long open = System.nanoTime();
                            window.model().studyProperty().set(study);
                            whenCompared(compare, () -> {
                                double openMillis = (System.nanoTime() - open) / 1e6;
                                double gap = gaps.max();
                                int chartPoints = chartPoints(compare);
                                long reopen = System.nanoTime();
                                compare.refresh();
                                whenCompared(compare, () -> {
                                    double reopenMillis = (System.nanoTime() - reopen) / 1e6;
                                    long regroup = System.nanoTime();
                                    compare.fieldProperty().set("objective.fim");
                                    compare.modeProperty().set(CompareViewModel.Mode.FIELD);
                                    whenCompared(compare, () -> {
                                        double regroupMillis = (System.nanoTime() - regroup) / 1e6;
                                        gaps.stop();
                                        window.close();
                                        stage.close();
                                        result.complete(new Result(
                                                runs,
                                                points,
                                                fillSeconds,
                                                openMillis,
                                                reopenMillis,
                                                regroupMillis,
                                                Math.max(gap, gaps.max()),
                                                chartPoints));
                                    });
                                });
                            });
                        });
            } catch (RuntimeException e) { // FX-thread boundary: the waiting caller rethrows it
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Calls {@code then} on the second frame after the next comparison arrives: it has been laid out and drawn. */
    private static void whenCompared(CompareViewModel compare, Runnable then) {
        var current = compare.comparisonProperty().get();
        javafx.beans.value.ChangeListener<Object> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> obs, Object old, Object now) {
                if (now == null || now == current) return;
                compare.comparisonProperty().removeListener(this);
                afterFrames(2, then);
            }
        };
        compare.comparisonProperty().addListener(listener);
    }

    private static void afterFrames(int frames, Runnable then) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= frames) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    private static int chartPoints(CompareViewModel compare) {
        int total = 0;
        for (var chart : compare.charts()) {
            var data = chart.getXYPlot().getDataset();
            for (int s = 0; s < data.getSeriesCount(); s++) total += data.getItemCount(s);
        }
        return total;
    }

    /** The longest time between two frames while it runs: the FX thread busy that long could not repaint. */
    private static final class FrameGaps extends AnimationTimer {
        private long last;
        private long max;

        @Override
        public void handle(long now) {
            if (last != 0) max = Math.max(max, now - last);
            last = now;
        }

        double max() {
            return max / 1e6;
        }
    }
}
