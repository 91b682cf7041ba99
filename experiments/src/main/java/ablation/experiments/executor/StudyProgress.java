package ablation.experiments.executor;

import java.time.Duration;
import java.util.List;

/**
 * A study's progress: runs done of total and each active run's step.
 *
 * @param eta  estimated time left for the whole study, or null before any step rate is known
 * @param note the executor's own state, e.g. {@code slurm 2 running, 4 pending (Resources)}, or null
 */
public record StudyProgress(
        int finished, int failed, int total, List<ActiveRun> active, Duration elapsed, Duration eta, String note) {
    public StudyProgress {
        active = List.copyOf(active);
    }

    public StudyProgress(int finished, int failed, int total, List<ActiveRun> active, Duration elapsed, Duration eta) {
        this(finished, failed, total, active, elapsed, eta, null);
    }

    /** A run in progress: its name, optimizer step and total steps (0 while it starts). */
    public record ActiveRun(String name, long step, long steps) {}

    /** One terminal line: {@code runs 3/12 (1 failed) | lesson2 fim=0.5 step 120/480 | elapsed 4m10s | ETA 12m}. */
    public String line() {
        StringBuilder line =
                new StringBuilder("runs ").append(finished).append('/').append(total);
        if (failed > 0) line.append(" (").append(failed).append(" failed)");
        for (ActiveRun run : active) {
            line.append(" | ").append(run.name()).append(" step ").append(run.step());
            if (run.steps() > 0) line.append('/').append(run.steps());
        }
        if (note != null) line.append(" | ").append(note);
        line.append(" | elapsed ").append(format(elapsed));
        line.append(" | ETA ").append(eta == null ? "?" : format(eta));
        return line.toString();
    }

    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) return s / 3600 + "h" + String.format("%02dm", s % 3600 / 60);
        if (s >= 60) return s / 60 + "m" + String.format("%02ds", s % 60);
        return s + "s";
    }
}
