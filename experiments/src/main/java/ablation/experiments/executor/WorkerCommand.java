package ablation.experiments.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a worker process: the JVM running this code, its class path, a thread count
 * for the PyTorch engine, and the worker's main class. DJL is kept offline.
 *
 * @param mainClass the worker entry point ({@link ablation.experiments.worker.WorkerMain} in production; tests pass a fake)
 */
public record WorkerCommand(String mainClass, List<String> jvmOptions) {
    public static WorkerCommand standard() {
        return new WorkerCommand("ablation.experiments.worker.WorkerMain", List.of("-Xmx4g"));
    }

    /** @param heartbeat how often the worker tells the store it is alive (well under the executor's stale limit) */
    public ProcessBuilder build(String dbUrl, long runId, Path runDir, int threads, java.time.Duration heartbeat) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dai.djl.offline=true");
        command.add("-Dai.djl.pytorch.num_threads=" + threads);
        command.add("-Dai.djl.pytorch.num_interop_threads=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of("--db", dbUrl, "--run", Long.toString(runId), "--dir", runDir.toString(),
                "--heartbeat-ms", Long.toString(heartbeat.toMillis()), "--exit-with-parent"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("OPT_OUT_TRACKING", "true");
        env.put("DJL_OFFLINE", "true");
        return builder;
    }
}
