package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.engine.train.MetricsSink;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricPoint;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.LeaseOwner;
import ablation.storage.study.StudyLease;
import ablation.storage.study.StudyLeaseHeldException;
import ablation.storage.study.StudyLeases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ARCHITECTURE.md, Data flow of a study: a crash, a kill or an out-of-memory error ends one run,
 * not the study, and the run resumes from its last checkpoint. Real worker processes train a tiny
 * model; a worker, then the whole study process, is killed with SIGKILL mid-run; the stored loss
 * series must end up with every step exactly once.
 */
class CrashRecoveryTest {
    /** Enough steps that the kill lands mid-run: the test checks the worker log for a resume from a checkpoint. */
    private static final int STEPS = 200;

    private static final String STUDY = """
            name: crash
            base:
              model: {layers: 2, d_model: 64, heads: 2, rotary_dim: 8, context: 64}
              tokenizer: {train: {vocab_size: 512, sample_mb: 0.1}, mask_tokens: 8}
              objective: {span: {max_spans: 4}}
              data: {sources: [{name: py, kind: desk-pl}], cache_dir: CACHE}
              train: {tokens: %d, batch: 8, warmup: 2, checkpoint_every: 10, log_every: 1, device: cpu}
            seeds: [1, 2]
            """.formatted(STEPS * 8 * 64);
    private static final LocalExecutor.Options OPTIONS =
            new LocalExecutor.Options(1, 1, 2, Duration.ofSeconds(6), Duration.ofMillis(200));

    @TempDir
    Path dir;

    @Test
    void killedWorkerIsRelaunchedAndItsRunResumesWithoutGapsOrDuplicates() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        try (TrackingStore store = TrackingStore.open(url)) {
            long studyId = enqueue(store);
            LocalExecutor executor =
                    new LocalExecutor(store, url, new StudyLayout(dir.resolve("study")), worker(), OPTIONS);
            CompletableFuture<StudyProgress> study =
                    CompletableFuture.supplyAsync(() -> executor.run(studyId, ExecutionListener.NONE));
            long firstRun = store.runs().list(studyId).get(0).id();
            awaitStep(store, firstRun, 15);
            ProcessHandle workerProcess = ProcessHandle.current()
                    .descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("WorkerMain"))
                    .findFirst()
                    .orElseThrow();
            workerProcess.destroyForcibly();
            StudyProgress done = study.get(5, TimeUnit.MINUTES);
            assertEquals(2, done.finished(), "both runs finish despite the killed worker");
            assertResumed(firstRun);
            assertCompleteSeries(store, studyId);
        }
    }

    @Test
    void killedStudyContinuesEveryRunWhenStartedAgain() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        long studyId;
        try (TrackingStore store = TrackingStore.open(url)) {
            studyId = enqueue(store);
        }
        Process studyProcess = new ProcessBuilder(
                        java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StudyRunnerMain.class.getName(),
                        url,
                        Long.toString(studyId),
                        dir.resolve("study").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("study.log").toFile())
                .start();
        try (TrackingStore store = TrackingStore.open(url)) {
            long firstRun = store.runs().list(studyId).get(0).id();
            awaitStep(store, firstRun, 15);
            // SIGKILL: no shutdown hook runs; its workers exit with it (--exit-with-parent)
            studyProcess.destroyForcibly();
            studyProcess.waitFor(30, TimeUnit.SECONDS);
            LocalExecutor again =
                    new LocalExecutor(store, url, new StudyLayout(dir.resolve("study")), worker(), OPTIONS);
            StudyProgress done = again.run(studyId, ExecutionListener.NONE);
            assertEquals(2, done.finished(), "the restarted study finishes both runs");
            assertResumed(firstRun);
            assertCompleteSeries(store, studyId);
        } finally {
            studyProcess.destroyForcibly();
        }
    }

    /**
     * SIGKILL of the study at several points, each followed at once by a restart (issue 14: the
     * orphaned worker trained on for ~10 s and the series kept gaps): the orphaned worker stops by
     * itself, the restart takes over the dead process's lease, and in the end every run's series
     * has every step exactly once.
     */
    @Test
    void studyKilledAgainAndAgainLeavesNoGapAndNoDuplicate() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        long studyId;
        try (TrackingStore store = TrackingStore.open(url)) {
            studyId = enqueue(store);
        }
        long[] killAtSteps = {12, 88, STEPS + 21};
        for (int i = 0; i < killAtSteps.length; i++) {
            Process studyProcess = startStudy(url, studyId, "study-" + i + ".log");
            try (TrackingStore store = TrackingStore.open(url)) {
                List<Run> runs = store.runs().list(studyId);
                long target = killAtSteps[i];
                Run run = target <= STEPS ? runs.get(0) : runs.get(1);
                awaitStep(store, run.id(), target <= STEPS ? target : target - STEPS);
                studyProcess.destroyForcibly();
                assertTrue(studyProcess.waitFor(30, TimeUnit.SECONDS));
            } finally {
                studyProcess.destroyForcibly();
            }
            awaitNoWorkerOf(dir.resolve("db").toString());
        }
        Process last = startStudy(url, studyId, "study-last.log");
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the last restart finishes the study");
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("study-last.log")));
        try (TrackingStore store = TrackingStore.open(url)) {
            assertCompleteSeries(store, studyId);
            long firstRun = store.runs().list(studyId).get(0).id();
            String log = Files.readString(new StudyLayout(dir.resolve("study")).workerLog(firstRun));
            assertTrue(
                    log.contains(WorkerExit.REASON_PREFIX + "the study process that started this worker is gone"),
                    "the orphaned worker stopped by itself:\n" + log);
        }
    }

    /** A second study process on the same study is refused, naming the one that holds it. */
    @Test
    void aSecondStudyProcessIsRefusedWhileTheFirstRuns() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        long studyId;
        try (TrackingStore store = TrackingStore.open(url)) {
            studyId = enqueue(store);
        }
        Process first = startStudy(url, studyId, "first.log");
        try (TrackingStore store = TrackingStore.open(url)) {
            awaitStep(store, store.runs().list(studyId).get(0).id(), 3);
            Process second = startStudy(url, studyId, "second.log");
            assertTrue(second.waitFor(2, TimeUnit.MINUTES));
            String said = Files.readString(dir.resolve("second.log"));
            assertEquals(2, second.exitValue(), said);
            assertTrue(said.contains("already being run by pid " + first.pid()), said);
            assertTrue(first.isAlive(), "the first study goes on");
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startStudy(String url, long studyId, String log) throws java.io.IOException {
        return new ProcessBuilder(
                        java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StudyRunnerMain.class.getName(),
                        url,
                        Long.toString(studyId),
                        dir.resolve("study").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile())
                .start();
    }

    /** Waits until no worker process of this store is left (an orphan stops by itself). */
    private static void awaitNoWorkerOf(String database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.allProcesses()
                .anyMatch(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("WorkerMain") && c.contains(database))
                        .orElse(false))) {
            assertTrue(System.nanoTime() < deadline, "an orphaned worker runs a minute after its study was killed");
            Thread.sleep(50);
        }
    }

    /**
     * Runs a study in its own JVM, as {@code workbench study} does (holding the study's lease), so
     * that the test can kill it with SIGKILL; exits with 2 when another process holds the lease.
     */
    public static final class StudyRunnerMain {
        public static void main(String[] args) {
            long studyId = Long.parseLong(args[1]);
            try (TrackingStore store = TrackingStore.open(args[0]);
                    StudyLease lease = store.leases()
                            .acquire(
                                    store.studies().get(studyId).orElseThrow().name(),
                                    LeaseOwner.thisProcess(),
                                    StudyLeases.DEFAULT_TIMEOUT)) {
                new LocalExecutor(store, args[0], new StudyLayout(Path.of(args[2])), worker(), OPTIONS)
                        .holding(lease)
                        .run(Long.parseLong(args[1]), ExecutionListener.NONE);
            } catch (StudyLeaseHeldException held) {
                System.out.println(held.getMessage());
                System.exit(2);
            }
            System.exit(0);
        }
    }

    private long enqueue(TrackingStore store) throws Exception {
        String yaml = STUDY.replace("CACHE", dir.resolve("cache").toString());
        Path file = dir.resolve("crash.yaml");
        Files.writeString(file, yaml);
        var spec = SpecLoader.load(file);
        return StudyQueue.enqueue(store, spec.name(), SpecLoader.tree(file), GridExpander.expand(spec, false))
                .id();
    }

    private static WorkerCommand worker() {
        return new WorkerCommand(WorkerCommand.standard().mainClass(), List.of("-Xmx1g"));
    }

    private static void awaitStep(TrackingStore store, long runId, long step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (store.metrics()
                        .summary(runId, MetricsSink.TRAIN_LOSS)
                        .map(MetricSummary::lastStep)
                        .orElse(0L)
                < step) {
            assertTrue(System.nanoTime() < deadline, "run " + runId + " never reached step " + step);
            Thread.sleep(100);
        }
    }

    /** The killed run continued from a checkpoint rather than starting over. */
    private void assertResumed(long runId) throws java.io.IOException {
        String log = Files.readString(new StudyLayout(dir.resolve("study")).workerLog(runId));
        assertTrue(
                log.matches("(?s).*resuming run \\S+ from step [1-9]\\d*.*"),
                "worker log shows a resume from a checkpoint:\n" + log);
    }

    private static void assertCompleteSeries(TrackingStore store, long studyId) {
        for (Run run : store.runs().list(studyId)) {
            assertEquals(RunStatus.FINISHED, run.status(), run.name() + ": " + run.error());
            List<Long> steps = store.metrics().points(run.id(), MetricsSink.TRAIN_LOSS).stream()
                    .map(MetricPoint::step)
                    .toList();
            assertEquals(
                    LongStream.rangeClosed(1, STEPS).boxed().toList(), steps, run.name() + ": every step exactly once");
            List<Long> epochSteps = store.metrics().points(run.id(), "data/epochs/py").stream()
                    .map(MetricPoint::step)
                    .toList();
            assertEquals(
                    steps, epochSteps, run.name() + ": the data metrics (epochs per source) are logged with the loss");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
