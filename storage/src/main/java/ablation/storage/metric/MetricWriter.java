package ablation.storage.metric;

import ablation.storage.StoreException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers one run's metric points and writes them in JDBC batches, one transaction per flush that
 * also brings the run's summaries up to date. A flush happens when {@code batchSize} points are
 * waiting, every {@code flushInterval} (on a daemon thread, so a live chart sees a slow run
 * progress), on {@link #flush()} and on {@link #close()}.
 *
 * <p>A failed flush keeps its points for the next one, so a short database outage loses nothing
 * while the process lives; a killed process loses at most the points since the last flush, and
 * never leaves half a batch behind. Thread-safe.
 */
public final class MetricWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);

    /** When to flush: after this many points, or this long after the last flush. */
    public record Settings(int batchSize, Duration flushInterval) {
        public static final Settings DEFAULT = new Settings(10_000, Duration.ofSeconds(2));

        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
            if (flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException("flushInterval must be positive, got " + flushInterval);
            }
        }
    }

    private final Metrics metrics;
    private final long runId;
    private final Settings settings;
    private final PointBuffer buffer;
    private final Map<String, Long> seriesIds = new HashMap<>();
    private final ScheduledExecutorService timer;
    private boolean closed;

    MetricWriter(Metrics metrics, long runId, Settings settings) {
        this.metrics = metrics;
        this.runId = runId;
        this.settings = settings;
        this.buffer = new PointBuffer(Math.min(settings.batchSize(), 1 << 20));
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "metric-writer-run-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        long millis = settings.flushInterval().toMillis();
        timer.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Logs a value at a step, stamped with the current wall time. */
    public void log(String key, long step, double value) {
        log(key, step, value, System.currentTimeMillis());
    }

    /** Logs a value at a step with its wall time (epoch milliseconds). */
    public synchronized void log(String key, long step, double value, long wallMillis) {
        if (closed) {
            throw new IllegalStateException("metric writer of run " + runId + " is closed");
        }
        Long seriesId = seriesIds.get(key);
        if (seriesId == null) {
            seriesId = metrics.seriesId(runId, key);
            seriesIds.put(key, seriesId);
        }
        if (step < 0 || step > PointKey.MAX_STEP) {
            throw new StoreException("metric " + key + ": step must be in [0, " + PointKey.MAX_STEP + "], got " + step);
        }
        buffer.add(seriesId, step, value, wallMillis);
        if (buffer.size >= settings.batchSize()) {
            flush();
        }
    }

    /** Writes every waiting point now, in one transaction. */
    public synchronized void flush() {
        if (buffer.size == 0) {
            return;
        }
        metrics.write(buffer);
        buffer.clear();
    }

    /** Writes what is left and stops the timer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        timer.shutdownNow();
        flush();
        closed = true;
    }

    private synchronized void flushQuietly() {
        try {
            flush();
        } catch (StoreException e) {
            LOG.warn(
                    "metrics of run {}: flush failed, {} points kept for the next one: {}",
                    runId,
                    buffer.size,
                    e.getMessage());
        }
    }
}
