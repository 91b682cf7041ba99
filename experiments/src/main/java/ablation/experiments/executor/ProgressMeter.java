package ablation.experiments.executor;

import ablation.core.config.ConfigLoader;
import ablation.engine.train.MetricsSink;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A study's progress from the store: runs done, each active run's last logged step, and the time
 * left at the step rate seen since {@code start}. Shared by the executors.
 */
final class ProgressMeter {
    private final TrackingStore store;
    private final Instant start;
    private final Map<Long, Long> stepsOfRun = new HashMap<>();

    ProgressMeter(TrackingStore store, Instant start) {
        this.store = store;
        this.start = start;
    }

    /**
     * @param active the runs to show on the line (the others unfinished count for the time left only)
     * @param note   the executor's own state at the end of the line, or null
     */
    StudyProgress measure(List<Run> runs, Predicate<Run> active, String note) {
        int finished = 0;
        int failed = 0;
        long remainingSteps = 0;
        long doneSteps = 0;
        List<StudyProgress.ActiveRun> current = new ArrayList<>();
        for (Run run : runs) {
            long steps = stepsOfRun.computeIfAbsent(run.id(), id -> steps(run));
            long step = 0;
            if (run.status() == RunStatus.FINISHED) {
                finished++;
                step = steps;
            } else if (run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED) {
                failed++;
                continue;
            } else {
                step = store.metrics()
                        .summary(run.id(), MetricsSink.TRAIN_LOSS)
                        .map(MetricSummary::lastStep)
                        .orElse(0L);
                if (active.test(run)) current.add(new StudyProgress.ActiveRun(run.name(), step, steps));
            }
            doneSteps += step;
            remainingSteps += steps - step;
        }
        Duration elapsed = Duration.between(start, Instant.now());
        Duration eta = doneSteps == 0
                ? null
                : Duration.ofMillis((long) (elapsed.toMillis() * (double) remainingSteps / doneSteps));
        return new StudyProgress(finished, failed, runs.size(), current, elapsed, eta, note);
    }

    private static long steps(Run run) {
        var config = ConfigLoader.parse(run.configJson());
        return config.train().steps(config.model().context());
    }
}
