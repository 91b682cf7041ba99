package ablation.experiments.worker;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.Device;
import ablation.core.config.RunConfig;
import ablation.engine.Versions;
import ablation.engine.train.Checkpoint;
import ablation.engine.train.Devices;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.experiments.executor.SlurmTask;
import ablation.experiments.executor.StudyLayout;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Heartbeat;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process that trains and evaluates one run of a study against the tracking store. Started by
 * the local executor ({@code --run ID --dir DIR}) or by a Slurm array task ({@code --study ID
 * --claim --root DIR}, which claims the next queued run, else an orphaned one). A run found
 * orphaned or failed is resumed from its newest checkpoint; the store drops metric points after that
 * checkpoint's step, and the trainer writes them again, so the series has neither gaps nor duplicates.
 *
 * <p>Exit codes: 0 finished (or nothing to do), 2 the run failed with an error a user can act on
 * (recorded in the store), 1 any other failure (recorded too when the store is reachable).
 */
public final class WorkerMain {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

    private WorkerMain() {}

    public static void main(String[] argv) {
        Map<String, String> args = parse(argv);
        if (args.containsKey("exit-with-parent")) {
            // A study killed with SIGKILL takes its workers with it; the next start resumes them.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
        }
        int code;
        try (TrackingStore store = TrackingStore.open(required(args, "db"), System.getenv("WORKBENCH_DB_USER"),
                System.getenv("WORKBENCH_DB_PASSWORD"))) {
            if (args.containsKey("claim")) {
                long studyId = Long.parseLong(required(args, "study"));
                StudyLayout layout = new StudyLayout(Path.of(required(args, "root")));
                Optional<Run> claimed = claim(store, studyId, layout);
                if (claimed.isEmpty()) {
                    LOG.info("no queued or orphaned run left in study {}", studyId);
                    code = 0;
                } else {
                    Run run = claimed.get();
                    Path runDir = layout.runDir(run.id());
                    SlurmTask.fromEnvironment(System.getenv()).ifPresent(task -> task.recordIn(runDir));
                    LOG.info("claimed run {} ({})", run.id(), run.name());
                    code = execute(store, run.id(), runDir, true, heartbeat(args));
                }
            } else {
                code = execute(store, Long.parseLong(required(args, "run")), Path.of(required(args, "dir")), false, heartbeat(args));
            }
        } catch (WorkbenchException e) {
            System.err.println("worker: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /**
     * Claims the study's oldest queued run or, when none is left, an orphaned one (its worker was
     * lost), which then resumes from its newest checkpoint.
     */
    static Optional<Run> claim(TrackingStore store, long studyId, StudyLayout layout) {
        Optional<Run> queued = store.runs().claimNext(studyId, provenance(null));
        if (queued.isPresent()) return queued;
        for (Run run : store.runs().list(studyId)) {
            if (run.status() != RunStatus.ORPHANED) continue;
            long fromStep = Checkpoint.latest(layout.runDir(run.id())).map(c -> c.state().step()).orElse(0L);
            if (store.runs().tryResumeOrphan(run.id(), fromStep)) {
                LOG.info("resuming orphaned run {} from step {}", run.name(), fromStep);
                return Optional.of(store.runs().require(run.id()));
            }
        }
        return Optional.empty();
    }

    /**
     * Trains and evaluates the run, recording its status; returns the exit code.
     *
     * @param claimed the run was just claimed (queued -> running) by this worker
     */
    static int execute(TrackingStore store, long runId, Path runDir, boolean claimed, Duration heartbeat) {
        Run run = store.runs().require(runId);
        RunConfig config = ConfigLoader.parse(run.configJson());
        switch (run.status()) {
            case FINISHED, CANCELLED -> {
                LOG.info("run {} is {}: nothing to do", run.name(), run.status().dbValue());
                return 0;
            }
            case QUEUED -> store.runs().start(runId, provenance(config));
            case ORPHANED, FAILED -> {
                long fromStep = Checkpoint.latest(runDir).map(c -> c.state().step()).orElse(0L);
                LOG.info("resuming run {} from step {}", run.name(), fromStep);
                store.runs().resume(runId, fromStep);
            }
            case RUNNING -> {
                if (!claimed) {
                    throw new WorkbenchException("run " + run.name() + " is already running in another worker (heartbeat "
                            + run.heartbeatAt() + "); it is resumed here only once its heartbeat goes stale");
                }
            }
        }
        try (Heartbeat ignored = store.runs().heartbeatEvery(runId, heartbeat)) {
            long step;
            // The writer is closed (its last points stored) before the run is marked finished.
            try (MetricWriter metrics = store.metrics().writer(runId)) {
                step = RunExecution.train(config, runDir, sink(metrics), logLines(run.name()));
                if (!config.eval().isEmpty()) RunEvaluation.run(store, runId, runDir, metrics);
            }
            Checkpoint.latest(runDir).ifPresent(c -> store.artifacts().record(run.studyId(), runId, "checkpoint", c.directory(), step));
            store.runs().finish(runId);
            LOG.info("run {} finished at step {}", run.name(), step);
            return 0;
        } catch (WorkbenchException e) {
            LOG.error("run {} failed: {}", run.name(), e.getMessage());
            store.runs().fail(runId, e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) { // process boundary: a bug still marks the run failed, with its trace
            LOG.error("run {} failed", run.name(), e);
            store.runs().fail(runId, e.toString());
            return 1;
        }
    }

    private static MetricsSink sink(MetricWriter writer) {
        return new MetricsSink() {
            @Override
            public void record(String key, long step, double value) {
                writer.log(key, step, value);
            }

            @Override
            public void flush() {
                writer.flush();
            }
        };
    }

    /** A line in the worker log every few percent of the run. */
    private static ProgressListener logLines(String name) {
        return progress -> {
            long every = Math.max(1, progress.steps() / 50);
            if (progress.step() % every == 0 || progress.step() == progress.steps()) {
                LOG.info("{} step {}/{} loss {} tokens/s {} ETA {}s", name, progress.step(), progress.steps(),
                        String.format("%.4f", progress.loss()), Math.round(progress.tokensPerSecond()), progress.eta().toSeconds());
            }
        };
    }

    /** This machine's provenance; the device is the one the run's {@code train.device} selects ({@code auto} before a run is known). */
    private static Provenance provenance(RunConfig config) {
        ai.djl.Device selected = Devices.select(config == null ? Device.AUTO.label() : config.train().device());
        String device = selected.isGpu() ? "gpu:" + selected.getDeviceId() : "cpu";
        return Provenance.ofThisMachine(Versions.APP, Versions.djl(), Versions.pytorch(), device);
    }

    private static Duration heartbeat(Map<String, String> args) {
        return args.containsKey("heartbeat-ms") ? Duration.ofMillis(Long.parseLong(args.get("heartbeat-ms"))) : DEFAULT_HEARTBEAT;
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) throw new WorkbenchException("worker: unexpected argument " + argv[i]);
            String key = argv[i].substring(2);
            boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
            args.put(key, flag ? "true" : argv[++i]);
        }
        return args;
    }

    private static String required(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null) throw new WorkbenchException("worker: --" + key + " is required");
        return value;
    }
}
