package ablation.storage.bench;

import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricWriter;
import ablation.storage.metric.SeriesBucket;
import ablation.storage.run.NewRun;
import ablation.storage.run.Provenance;
import ablation.storage.study.Study;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The store's speed on this machine: sustained metric insert rate into an embedded H2 file store
 * (through {@link MetricWriter}, as a training run writes), and the time to fetch a 500-point view
 * of a 1M-point series. Writes into a temporary database that it deletes afterwards.
 */
public final class StoreBenchmark {
    /** Points per series: the view is measured on a series of this length. */
    public static final int SERIES_LENGTH = 1_000_000;

    public static final int VIEW_POINTS = 500;
    private static final int VIEW_REPEATS = 7;

    /**
     * @param points       points written, in series of up to {@link #SERIES_LENGTH} steps
     * @param writers      runs written at once, each by its own thread and {@link MetricWriter}
     * @param pointsPerS   sustained insert rate over all writers, flushes, summaries and rollups included
     * @param viewMillis   median time of a {@value #VIEW_POINTS}-point view of one full series
     * @param viewBuckets  buckets the view returned
     * @param seriesLength points in the viewed series
     * @param cpuSeconds   CPU time this process spent writing (all threads): points / cpuSeconds is the
     *                     rate per busy core, a figure that holds up when other processes load the machine
     */
    public record Result(
            long points,
            int writers,
            double pointsPerS,
            double viewMillis,
            int viewBuckets,
            long seriesLength,
            double writeSeconds,
            double cpuSeconds) {}

    private StoreBenchmark() {}

    /** Writes {@code points} with {@code writers} concurrent runs into a temporary store, then times views. */
    public static Result run(long points, int writers) {
        if (points < 1 || writers < 1) {
            throw new IllegalArgumentException("need points >= 1 and writers >= 1, got " + points + ", " + writers);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("workbench-bench-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (TrackingStore store = TrackingStore.open(StoreLocation.h2FileUrl(dir.resolve("bench")))) {
            return measure(store, points, writers);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static Result measure(TrackingStore store, long points, int writers) {
        Study study = store.studies().create("bench", null);
        long[] runIds = new long[writers];
        for (int w = 0; w < writers; w++) {
            runIds[w] = store.runs()
                    .create(
                            study.id(),
                            NewRun.fromConfig("bench-" + w, "{\"train\": {\"seed\": " + w + "}}", "train.seed"))
                    .id();
            store.runs().start(runIds[w], Provenance.UNKNOWN);
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        for (int w = 0; w < writers; w++) {
            long share = points / writers + (w < points % writers ? 1 : 0);
            long runId = runIds[w];
            Thread thread = new Thread(
                    () -> {
                        try {
                            write(store, runId, share);
                        } catch (RuntimeException e) { // thread boundary: handed to the caller, which rethrows
                            failures.add(e);
                        }
                    },
                    "bench-writer-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double[] viewMillis = new double[VIEW_REPEATS];
        List<SeriesBucket> view = List.of();
        for (int i = 0; i < VIEW_REPEATS; i++) {
            long t0 = System.nanoTime();
            view = store.metrics().series(runIds[0], "series/0", VIEW_POINTS);
            viewMillis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(viewMillis);
        long seriesLength =
                store.metrics().summary(runIds[0], "series/0").orElseThrow().points();
        return new Result(
                points,
                writers,
                points / writeSeconds,
                viewMillis[VIEW_REPEATS / 2],
                view.size(),
                seriesLength,
                writeSeconds,
                cpuSeconds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A noisy decaying loss curve with an occasional spike, in series of {@link #SERIES_LENGTH} steps. */
    private static void write(TrackingStore store, long runId, long points) {
        try (MetricWriter writer = store.metrics().writer(runId)) {
            long wall = System.currentTimeMillis();
            for (long i = 0; i < points; i++) {
                long step = i % SERIES_LENGTH;
                double value =
                        2.0 / (1 + step * 1e-4) + ((step * 2654435761L) % 1000) * 1e-5 + (step % 100_003 == 0 ? 5 : 0);
                writer.log("series/" + i / SERIES_LENGTH, step, value, wall + step);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing the benchmark for.
        }
    }
}
