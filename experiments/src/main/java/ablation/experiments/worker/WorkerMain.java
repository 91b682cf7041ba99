package ablation.experiments.worker;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.Device;
import ablation.core.config.EvalConfig;
import ablation.core.config.RunConfig;
import ablation.engine.Versions;
import ablation.engine.eval.model.Benchmarks;
import ablation.engine.train.Checkpoint;
import ablation.engine.train.Devices;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.NativeWork;
import ablation.engine.train.ProgressListener;
import ablation.experiments.executor.SlurmTask;
import ablation.experiments.executor.StudyLayout;
import ablation.experiments.executor.WorkerExit;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricSummary;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Heartbeat;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process that trains and evaluates one run of a study against the tracking store. Started by
 * the local executor ({@code --run ID --dir DIR}) or by a Slurm array task ({@code --study ID
 * --claim --root DIR}, which claims the next queued run, else an orphaned one). A run found
 * orphaned or failed is resumed from its newest checkpoint that the stored metrics cover; the store
 * drops metric points after that checkpoint's step, and the trainer writes them again, so the series
 * has neither gaps nor duplicates.
 *
 * <p>Exit codes ({@link WorkerExit}): 0 finished (or nothing to do), 2 the run failed with an error a
 * user can act on (recorded in the store), 1 any other failure (recorded too when the store is
 * reachable), 3 the worker cannot work (store out of reach, invalid config), 4 it stopped itself
 * because its study process or its claim on the run is gone.
 */
public final class WorkerMain {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

    private WorkerMain() {}

    public static void main(String[] argv) {
        Map<String, String> args = parse(argv);
        if (args.containsKey("exit-with-parent")) watchParent();
        int code;
        TrackingStore store;
        try {
            store = TrackingStore.open(
                    required(args, "db"), System.getenv("WORKBENCH_DB_USER"), System.getenv("WORKBENCH_DB_PASSWORD"));
        } catch (WorkbenchException e) {
            System.out.println(WorkerExit.REASON_PREFIX + "cannot open the store: " + e.getMessage());
            System.exit(WorkerExit.CANNOT_RUN);
            return;
        }
        try (store) {
            if (args.containsKey("claim")) {
                long studyId = Long.parseLong(required(args, "study"));
                StudyLayout layout = new StudyLayout(Path.of(required(args, "root")));
                Optional<Run> claimed = claim(store, studyId, layout);
                if (claimed.isEmpty()) {
                    LOG.info("no queued or orphaned run left in study {}", studyId);
                    code = WorkerExit.FINISHED;
                } else {
                    Run run = claimed.get();
                    Path runDir = layout.runDir(run.id());
                    SlurmTask.fromEnvironment(System.getenv()).ifPresent(task -> task.recordIn(runDir));
                    LOG.info("claimed run {} ({})", run.id(), run.name());
                    code = execute(store, run.id(), runDir, true, heartbeat(args));
                }
            } else {
                code = execute(
                        store,
                        Long.parseLong(required(args, "run")),
                        Path.of(required(args, "dir")),
                        false,
                        heartbeat(args));
            }
        } catch (WorkbenchException e) {
            System.out.println(WorkerExit.REASON_PREFIX + e.getMessage());
            code = WorkerExit.CANNOT_RUN;
        }
        System.exit(code);
    }

    /**
     * Stops this worker as soon as the study process that started it is gone (even killed with
     * SIGKILL): its standard input is a pipe from the study, which reads end-of-file then. A study
     * started again resumes the run from its last checkpoint.
     */
    private static void watchParent() {
        Thread watch = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // the study never writes; anything read is ignored
                        }
                    } catch (java.io.IOException e) {
                        // a broken pipe means the same as end-of-file
                    }
                    abandon("the study process that started this worker is gone");
                },
                "watch-study-process");
        watch.setDaemon(true);
        watch.start();
    }

    /** Stops at once, but never inside a torch call (see {@link NativeWork}), nor after another checkpoint. */
    private static void abandon(String reason) {
        System.out.println(WorkerExit.REASON_PREFIX + reason);
        System.out.flush();
        NativeWork.halt(WorkerExit.ABANDONED);
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
            long fromStep = resumeStep(store, run, layout.runDir(run.id()));
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
        RunConfig config;
        try {
            config = ConfigLoader.parse(run.configJson());
            readBenchmarkFiles(config);
        } catch (WorkbenchException e) {
            if (run.status() == RunStatus.RUNNING && claimed) store.runs().fail(runId, e.getMessage());
            throw new WorkbenchException("run " + run.name() + " cannot start: " + e.getMessage(), e);
        }
        switch (run.status()) {
            case FINISHED, CANCELLED -> {
                LOG.info("run {} is {}: nothing to do", run.name(), run.status().dbValue());
                return WorkerExit.FINISHED;
            }
            case QUEUED -> store.runs().start(runId, provenance(config));
            case ORPHANED, FAILED -> {
                long fromStep = resumeStep(store, run, runDir);
                LOG.info("resuming run {} from step {}", run.name(), fromStep);
                store.runs().resume(runId, fromStep);
            }
            case RUNNING -> {
                if (!claimed) {
                    throw new WorkbenchException(
                            "run " + run.name() + " is already running in another worker (heartbeat "
                                    + run.heartbeatAt() + "); it is resumed here only once its heartbeat goes stale");
                }
            }
        }
        Heartbeat beats = store.runs().heartbeatEvery(runId, heartbeat, WorkerMain::abandon);
        try {
            long step;
            // The writer is closed (its last points stored) before the run is marked finished.
            try (MetricWriter metrics = store.metrics().writer(runId)) {
                step = RunExecution.train(config, runDir, sink(metrics), logLines(run.name()));
                if (!config.eval().isEmpty()) RunEvaluation.run(store, runId, runDir, metrics);
            }
            Checkpoint.latest(runDir)
                    .ifPresent(c -> store.artifacts().record(run.studyId(), runId, "checkpoint", c.directory(), step));
            beats.close(); // a beat after the run ended would be refused, and taken for a lost run
            store.runs().finish(runId);
            LOG.info("run {} finished at step {}", run.name(), step);
            return WorkerExit.FINISHED;
        } catch (WorkbenchException e) {
            beats.close();
            LOG.error("run {} failed: {}", run.name(), e.getMessage());
            store.runs().fail(runId, e.getMessage());
            return WorkerExit.RUN_ERROR;
        } catch (RuntimeException | Error e) { // process boundary: a bug still marks the run failed, with its trace
            beats.close();
            LOG.error("run {} failed", run.name(), e);
            store.runs().fail(runId, e.toString());
            return WorkerExit.FAILED;
        } finally {
            beats.close();
        }
    }

    /** Reads the run's benchmark files before it trains: a missing or broken one stops the study, not the run's end. */
    private static void readBenchmarkFiles(RunConfig config) {
        for (EvalConfig eval : config.eval()) {
            String benchmark = eval.benchmark();
            if (benchmark.equals(Benchmarks.DESK_L2R) || benchmark.equals(Benchmarks.DESK_INFILL)) continue;
            Benchmarks.load(
                    eval.benchmark(), config.data().deskSeed(), config.data().desk(), eval.problems());
        }
    }

    /**
     * The step a resumed run continues from: its newest checkpoint that the stored metrics cover.
     * A checkpoint is written only after its points were flushed, but a store that lost its last
     * commits (a killed server) or a worker that outlived its study can leave checkpoints ahead of
     * the stored series; those are deleted, so the run retrains their steps and its series has no
     * gap. Points after the returned step are discarded by the resume, so none is stored twice.
     */
    static long resumeStep(TrackingStore store, Run run, Path runDir) {
        RunConfig config = ConfigLoader.parse(run.configJson());
        long logEvery = config.train().logEvery();
        long steps = config.train().steps(config.model().context());
        long lastStored = store.metrics()
                .summary(run.id(), MetricsSink.TRAIN_LOSS)
                .map(MetricSummary::lastStep)
                .orElse(0L);
        long nextLogged =
                lastStored >= steps ? Long.MAX_VALUE : Math.min((lastStored / logEvery + 1) * logEvery, steps);
        List<Long> discarded = Checkpoint.discardAfter(runDir, nextLogged - 1);
        if (!discarded.isEmpty()) {
            LOG.warn(
                    "run {}: checkpoints {} are ahead of its stored metrics (last step {}): deleted",
                    run.name(),
                    discarded,
                    lastStored);
        }
        return Checkpoint.latest(runDir).map(c -> c.state().step()).orElse(0L);
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
                LOG.info(
                        "{} step {}/{} loss {} tokens/s {} ETA {}s",
                        name,
                        progress.step(),
                        progress.steps(),
                        String.format("%.4f", progress.loss()),
                        Math.round(progress.tokensPerSecond()),
                        progress.eta().toSeconds());
            }
        };
    }

    /** This machine's provenance; the device is the one the run's {@code train.device} selects ({@code auto} before a run is known). */
    private static Provenance provenance(RunConfig config) {
        ai.djl.Device selected = Devices.select(
                config == null ? Device.AUTO.label() : config.train().device());
        String device = selected.isGpu() ? "gpu:" + selected.getDeviceId() : "cpu";
        return Provenance.ofThisMachine(Versions.APP, Versions.djl(), Versions.pytorch(), device);
    }

    private static Duration heartbeat(Map<String, String> args) {
        return args.containsKey("heartbeat-ms")
                ? Duration.ofMillis(Long.parseLong(args.get("heartbeat-ms")))
                : DEFAULT_HEARTBEAT;
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
