package ablation.storage.run;

import ablation.storage.StoreException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the store, every interval on a daemon thread, that a run's worker is alive; the orphan
 * check ({@link Runs#markOrphans}) catches workers that died without a word. A failed beat (a
 * server restart, say) is logged and the next one tried. The worker is told once that it has lost
 * the run, so that it stops before another worker resumes the run: when a beat is refused (the run
 * is no longer running: orphaned, cancelled or failed) or when no beat succeeded for
 * {@link #LOST_AFTER_BEATS} intervals (the store is out of reach; the executor orphans the run after
 * four).
 */
public final class Heartbeat implements AutoCloseable {
    /** Intervals without a successful beat after which the run counts as lost. */
    public static final int LOST_AFTER_BEATS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;
    private final Consumer<String> onLost;
    private volatile long lastBeatNanos = System.nanoTime();
    private volatile boolean lost;

    Heartbeat(Runs runs, long runId, Duration interval, Consumer<String> onLost) {
        this.onLost = onLost;
        timer = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "heartbeat-run-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        runs.heartbeat(runId);
                        lastBeatNanos = System.nanoTime();
                    } catch (RuntimeException e) { // thread boundary: a task that throws is never scheduled again
                        if (e instanceof StoreException && isNotRunning(runs, runId)) {
                            lose("run " + runId + " is no longer this worker's: " + e.getMessage());
                        } else {
                            LOG.warn("heartbeat of run {} failed: {}", runId, e.getMessage());
                        }
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        // Checked on its own thread: a beat may hang for the pool's connection timeout.
        long limit = LOST_AFTER_BEATS * millis;
        timer.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - lastBeatNanos > TimeUnit.MILLISECONDS.toNanos(limit)) {
                        lose("no heartbeat of run " + runId + " reached the store for " + limit + " ms");
                    }
                },
                millis / 2,
                Math.max(1, millis / 2),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the store says the run is not running (false when the store cannot say). */
    private static boolean isNotRunning(Runs runs, long runId) {
        try {
            return runs.get(runId).map(run -> run.status() != RunStatus.RUNNING).orElse(true);
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    private void lose(String reason) {
        if (lost) return;
        lost = true;
        LOG.error("{}", reason);
        onLost.accept(reason);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
