package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.TrackingStore;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study never relaunches workers without end (issue 14: 1,081 worker starts in 9 minutes): a
 * worker that cannot work stops the study with its reason at once; a run whose worker keeps
 * crashing is failed after {@code --retries} relaunches with the crash named; a run whose workers
 * keep dying before they start it stops the study. The workers are stand-ins that count their
 * launches, so no model trains here.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // a relaunch loop without end fails here
class StudyStopsTest {
    private static final String STUDY = """
            name: stops
            base:
              model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
              tokenizer: {train: {vocab_size: 512}}
              data: {sources: [{name: py, kind: desk-pl}]}
              train: {tokens: 4096, batch: 4}
            seeds: [1]
            """;
    private static final int RETRIES = 2;

    @TempDir
    Path dir;

    /** Behaves as its first argument says: cannot-run, crash (after starting the run) or die (before). */
    public static final class StandInWorkerMain {
        public static void main(String[] argv) throws Exception {
            Map<String, String> args = new HashMap<>();
            for (int i = 0; i + 1 < argv.length; i++) {
                if (argv[i].startsWith("--") && !argv[i + 1].startsWith("--")) {
                    args.put(argv[i].substring(2), argv[++i]);
                }
            }
            Files.writeString(
                    Path.of(args.get("dir")).resolve("launches"),
                    "x",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            switch (System.getProperty("stand-in")) {
                case "cannot-run" -> {
                    System.out.println(WorkerExit.REASON_PREFIX + "cannot open the store: wrong password");
                    System.exit(WorkerExit.CANNOT_RUN);
                }
                case "crash" -> {
                    try (TrackingStore store = TrackingStore.open(args.get("db"))) {
                        long runId = Long.parseLong(args.get("run"));
                        Run run = store.runs().require(runId);
                        if (run.status() == RunStatus.QUEUED) {
                            store.runs().start(runId, new Provenance("test", null, null, "cpu", "host", "os", "17"));
                        } else {
                            store.runs().resume(runId, 0);
                        }
                    }
                    System.out.print(WorkerLogTest.NATIVE_CRASH);
                    System.out.flush();
                    Runtime.getRuntime().halt(134);
                }
                default -> {
                    System.out.println("Error: Could not find or load main class x");
                    System.exit(1);
                }
            }
        }
    }

    @Test
    void aWorkerThatCannotRunStopsTheStudyWithItsReason() throws Exception {
        try (TrackingStore store = TrackingStore.open(url())) {
            long studyId = enqueue(store);
            WorkbenchException stopped = assertThrows(
                    WorkbenchException.class,
                    () -> executor(store, "cannot-run").run(studyId, ExecutionListener.NONE));
            assertTrue(stopped.getMessage().contains("cannot open the store: wrong password"), stopped.getMessage());
            assertEquals(1, launches(store, studyId), "no relaunch");
        }
    }

    @Test
    void aRunWhoseWorkerKeepsCrashingIsFailedWithTheCrashAfterItsRetries() throws Exception {
        try (TrackingStore store = TrackingStore.open(url())) {
            long studyId = enqueue(store);
            StudyProgress done = executor(store, "crash").run(studyId, ExecutionListener.NONE);
            assertEquals(1, done.failed());
            Run run = store.runs().list(studyId).get(0);
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.error().contains("SIGSEGV in libtorch_cpu.so at::accelerator::getAccelerator"), run.error());
            assertEquals(1 + RETRIES, launches(store, studyId), "the first launch and its retries, no more");
        }
    }

    @Test
    void aRunWhoseWorkersDieBeforeStartingItStopsTheStudyAfterItsRetries() throws Exception {
        try (TrackingStore store = TrackingStore.open(url())) {
            long studyId = enqueue(store);
            WorkbenchException stopped = assertThrows(
                    WorkbenchException.class, () -> executor(store, "die").run(studyId, ExecutionListener.NONE));
            assertTrue(stopped.getMessage().contains("Could not find or load main class"), stopped.getMessage());
            assertEquals(1 + RETRIES, launches(store, studyId));
            assertEquals(RunStatus.QUEUED, store.runs().list(studyId).get(0).status());
        }
    }

    /** The real worker: a run whose benchmark file is missing stops the study before anything trains. */
    @Test
    void aMissingBenchmarkFileStopsTheStudyBeforeTraining() throws Exception {
        Path missing = dir.resolve("no-such-benchmark.jsonl");
        try (TrackingStore store = TrackingStore.open(url())) {
            Path file = Files.writeString(
                    dir.resolve("stops.yaml"),
                    STUDY.replace(
                            "train: {tokens: 4096, batch: 4}",
                            "train: {tokens: 4096, batch: 4}\n  eval: [{benchmark: " + missing
                                    + ", mode: l2r, n: 1, k: [1]}]"));
            var spec = SpecLoader.load(file);
            long studyId = StudyQueue.enqueue(
                            store, spec.name(), SpecLoader.tree(file), GridExpander.expand(spec, false))
                    .id();
            LocalExecutor executor = new LocalExecutor(
                    store,
                    url(),
                    new StudyLayout(dir.resolve("study")),
                    new WorkerCommand(WorkerCommand.standard().mainClass(), List.of("-Xmx512m")),
                    new LocalExecutor.Options(1, 1, RETRIES, Duration.ofSeconds(30), Duration.ofMillis(100)));
            WorkbenchException stopped =
                    assertThrows(WorkbenchException.class, () -> executor.run(studyId, ExecutionListener.NONE));
            assertTrue(
                    stopped.getMessage().contains("benchmark file " + missing + " does not exist"),
                    stopped.getMessage());
            Run run = store.runs().list(studyId).get(0);
            assertEquals(RunStatus.QUEUED, run.status(), "never started");
            Path runDir = new StudyLayout(dir.resolve("study")).runDir(run.id());
            assertTrue(Files.notExists(runDir.resolve("checkpoints")), "nothing trained");
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
    }

    private LocalExecutor executor(TrackingStore store, String behaviour) {
        return new LocalExecutor(
                store,
                url(),
                new StudyLayout(dir.resolve("study")),
                new WorkerCommand(StandInWorkerMain.class.getName(), List.of("-Xmx128m", "-Dstand-in=" + behaviour)),
                new LocalExecutor.Options(1, 1, RETRIES, Duration.ofSeconds(30), Duration.ofMillis(100)));
    }

    private long enqueue(TrackingStore store) throws Exception {
        Path file = Files.writeString(dir.resolve("stops.yaml"), STUDY);
        var spec = SpecLoader.load(file);
        return StudyQueue.enqueue(store, spec.name(), SpecLoader.tree(file), GridExpander.expand(spec, false))
                .id();
    }

    private long launches(TrackingStore store, long studyId) throws Exception {
        long runId = store.runs().list(studyId).get(0).id();
        return Files.readString(
                        new StudyLayout(dir.resolve("study")).runDir(runId).resolve("launches"))
                .length();
    }
}
