package ablation.storage;

import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Heartbeat;
import java.time.Duration;

/**
 * A worker process for the multi-process tests: writes {@code points} steps of metric "loss" to a
 * run, flushing every {@code batch} points and printing "flushed N" after each flush, with a
 * heartbeat every 100 ms. Arguments: url user password runId points batch.
 */
public final class WriterProcess {
    private WriterProcess() {}

    public static void main(String[] args) {
        String url = args[0];
        long runId = Long.parseLong(args[3]);
        long points = Long.parseLong(args[4]);
        int batch = Integer.parseInt(args[5]);
        try (TrackingStore store = TrackingStore.open(url, args[1], args[2].isEmpty() ? "" : args[2]);
                Heartbeat heartbeat = store.runs().heartbeatEvery(runId, Duration.ofMillis(100));
                MetricWriter writer =
                        store.metrics().writer(runId, new MetricWriter.Settings(batch, Duration.ofHours(1)))) {
            for (long step = 0; step < points; step++) {
                writer.log("loss", step, valueAt(runId, step));
                if ((step + 1) % batch == 0) {
                    writer.flush();
                    System.out.println("flushed " + (step + 1));
                    System.out.flush();
                }
            }
        }
        System.out.println("done");
    }

    /** What the writer logs at a step, so the reader can check every value. */
    public static double valueAt(long runId, long step) {
        return runId * 1_000_000.0 + step * 0.5;
    }
}
