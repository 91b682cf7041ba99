package ablation.experiments.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a worker process: the JVM running this code, its class path, a thread count
 * for the PyTorch engine, and the worker's main class. DJL is kept offline.
 *
 * @param mainClass the worker entry point ({@link ablation.experiments.worker.WorkerMain} in production; tests pass a fake)
 * @param credentials store user and password for the worker ({@code WORKBENCH_DB_USER}, {@code WORKBENCH_DB_PASSWORD}),
 *                    passed in its environment rather than on its command line
 */
public record WorkerCommand(String mainClass, List<String> jvmOptions, Map<String, String> credentials) {
    /** The environment every worker runs with: no telemetry, no downloads. */
    public static final Map<String, String> ENVIRONMENT = Map.of("OPT_OUT_TRACKING", "true", "DJL_OFFLINE", "true");
    /** The launcher's environment variable of JVM options. */
    public static final String JAVA_OPTS = "WORKBENCH_JAVA_OPTS";
    /** The launcher's heap when {@code WORKBENCH_JAVA_OPTS} is not set (see the {@code workbench} script). */
    static final String LAUNCHER_DEFAULT_HEAP = "-Xmx8g";

    public WorkerCommand {
        jvmOptions = List.copyOf(jvmOptions);
        credentials = Map.copyOf(credentials);
    }

    public WorkerCommand(String mainClass, List<String> jvmOptions) {
        this(mainClass, jvmOptions, Map.of());
    }

    /** The same command with the store's user and password (either may be null: not given). */
    public WorkerCommand withCredentials(String user, String password) {
        Map<String, String> env = new java.util.HashMap<>();
        if (user != null) env.put("WORKBENCH_DB_USER", user);
        if (password != null) env.put("WORKBENCH_DB_PASSWORD", password);
        return new WorkerCommand(mainClass, jvmOptions, env);
    }

    /** Workers run with the launcher's JVM options ({@link #launcherOptions}). */
    public static WorkerCommand standard() {
        return new WorkerCommand(
                "ablation.experiments.worker.WorkerMain",
                launcherOptions(System.getenv(JAVA_OPTS), System.getProperty("user.home")));
    }

    /**
     * What the {@code workbench} launcher gives its JVM: {@code WORKBENCH_JAVA_OPTS} split at spaces
     * (heap, {@code user.home}, ...), else its default heap; then this JVM's {@code user.home}, so that
     * {@code ~} in a config or store URL means the same directory in the worker as here.
     */
    static List<String> launcherOptions(String javaOpts, String userHome) {
        List<String> options = new ArrayList<>();
        if (javaOpts != null && !javaOpts.isBlank()) {
            options.addAll(List.of(javaOpts.trim().split("\\s+")));
        } else {
            options.add(LAUNCHER_DEFAULT_HEAP);
        }
        options.removeIf(option -> option.startsWith("-Duser.home="));
        options.add("-Duser.home=" + userHome);
        return options;
    }

    /**
     * A worker for one run, stopped with this process (the local executor).
     *
     * @param heartbeat how often the worker tells the store it is alive (well under the executor's stale limit)
     */
    public ProcessBuilder build(String dbUrl, long runId, Path runDir, int threads, Duration heartbeat) {
        List<String> command = java(threads);
        // A JVM crash report goes with the run (worker.log names it), not into the study's working directory.
        command.add(1, "-XX:ErrorFile=" + runDir.resolve("hs_err_pid%p.log"));
        command.addAll(List.of(
                "--db",
                dbUrl,
                "--run",
                Long.toString(runId),
                "--dir",
                runDir.toString(),
                "--heartbeat-ms",
                Long.toString(heartbeat.toMillis()),
                "--exit-with-parent"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ENVIRONMENT);
        builder.environment().putAll(credentials);
        return builder;
    }

    /**
     * A worker that claims the next queued (else orphaned) run of a study and keeps its files under
     * {@code <root>/runs/<run id>}: what each task of a Slurm job array runs. The caller sets
     * {@link #ENVIRONMENT}.
     */
    public List<String> claim(String dbUrl, long studyId, Path root, int threads, Duration heartbeat) {
        List<String> command = java(threads);
        command.addAll(List.of(
                "--db",
                dbUrl,
                "--study",
                Long.toString(studyId),
                "--claim",
                "--root",
                root.toString(),
                "--heartbeat-ms",
                Long.toString(heartbeat.toMillis())));
        return command;
    }

    private List<String> java(int threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dai.djl.offline=true");
        command.add("-Dai.djl.pytorch.num_threads=" + threads);
        command.add("-Dai.djl.pytorch.num_interop_threads=1");
        // The worker log shows the run's own progress, not connection-pool and migration chatter.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.ablation=info");
        command.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }
}
