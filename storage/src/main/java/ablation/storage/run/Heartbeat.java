package ablation.storage.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the store, every interval on a daemon thread, that a run's worker is alive; the orphan
 * check ({@link Runs#markOrphans}) catches workers that died without a word. A failed beat (a
 * server restart, say) is logged and the next one tried.
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;

    Heartbeat(Runs runs, long runId, Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heartbeat-run-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(() -> {
            try {
                runs.heartbeat(runId);
            } catch (RuntimeException e) { // thread boundary: a task that throws is never scheduled again
                LOG.warn("heartbeat of run {} failed: {}", runId, e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
