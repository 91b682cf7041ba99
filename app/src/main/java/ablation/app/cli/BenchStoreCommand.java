package ablation.app.cli;

import ablation.storage.bench.StoreBenchmark;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workbench bench store}: sustained metric insert rate into an embedded H2 store and the
 * time of a 500-point view of a 1M-point series. Targets: 200,000 points/s on 2 cores, 50 ms.
 */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = "Insert metric points into a temporary H2 store; report points/s and the view time.")
public final class BenchStoreCommand implements Callable<Integer> {
    @Option(names = "--points", defaultValue = "5000000", description = "Points to insert (default: ${DEFAULT-VALUE}).")
    long points;

    @Option(names = "--writers", description = "Runs written at once, one thread each (default: number of cores).")
    Integer writers;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        int threads = writers != null ? writers : Runtime.getRuntime().availableProcessors();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StoreBenchmark.Result r = StoreBenchmark.run(points, threads);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (json) {
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"points\": %d, \"writers\": %d, \"points_per_s\": %.0f,"
                            + " \"view_ms\": %.2f, \"view_buckets\": %d, \"series_length\": %d, \"write_s\": %.2f,"
                            + " \"cpu_s\": %.2f, \"points_per_cpu_s\": %.0f,"
                            + " \"cores\": %d, \"load_before\": %.2f, \"load_after\": %.2f,"
                            + " \"target_points_per_s\": 200000, \"target_view_ms\": 50}",
                    r.points(),
                    r.writers(),
                    r.pointsPerS(),
                    r.viewMillis(),
                    r.viewBuckets(),
                    r.seriesLength(),
                    r.writeSeconds(),
                    r.cpuSeconds(),
                    r.points() / r.cpuSeconds(),
                    Runtime.getRuntime().availableProcessors(),
                    loadBefore,
                    loadAfter));
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "inserted %,d points with %d writers in %.1f s: %,.0f points/s (target 200,000)%n",
                    r.points(),
                    r.writers(),
                    r.writeSeconds(),
                    r.pointsPerS());
            System.out.printf(
                    Locale.ROOT,
                    "CPU time %.1f s: %,.0f points per CPU-second%n",
                    r.cpuSeconds(),
                    r.points() / r.cpuSeconds());
            System.out.printf(
                    Locale.ROOT,
                    "%d-point view of a %,d-point series: %.2f ms (target 50 ms)%n",
                    r.viewBuckets(),
                    r.seriesLength(),
                    r.viewMillis());
            System.out.printf(
                    Locale.ROOT,
                    "load average %.2f before, %.2f after, %d cores%n",
                    loadBefore,
                    loadAfter,
                    Runtime.getRuntime().availableProcessors());
        }
        return 0;
    }
}
