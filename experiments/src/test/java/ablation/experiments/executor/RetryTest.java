package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run is resumed only when asked ({@link LocalExecutor#retry}, the GUI's Retry button),
 * once per request. The worker is a stand-in that fails a run's first attempt and finishes a
 * resumed one, so no model trains here.
 */
class RetryTest {
    private static final String STUDY = """
            name: retry
            base:
              model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
              tokenizer: {train: {vocab_size: 512}}
              data: {sources: [{name: py, kind: desk-pl}]}
              train: {tokens: 4096, batch: 4}
            seeds: [1]
            """;

    @TempDir
    Path dir;

    /** Fails a queued run; resumes a failed one and finishes it. */
    public static final class FailOnceWorkerMain {
        public static void main(String[] argv) {
            Map<String, String> args = new HashMap<>();
            for (int i = 0; i < argv.length; i++) {
                if (argv[i].startsWith("--") && i + 1 < argv.length && !argv[i + 1].startsWith("--"))
                    args.put(argv[i].substring(2), argv[++i]);
            }
            int code;
            try (TrackingStore store = TrackingStore.open(args.get("db"))) {
                long runId = Long.parseLong(args.get("run"));
                Run run = store.runs().require(runId);
                if (run.status() == RunStatus.QUEUED) {
                    store.runs()
                            .start(
                                    runId,
                                    new ablation.storage.run.Provenance("test", null, null, "cpu", "host", "os", "17"));
                    store.runs().fail(runId, "first attempt fails");
                    code = 2;
                } else {
                    store.runs().resume(runId, 0);
                    store.runs().finish(runId);
                    code = 0;
                }
            }
            System.exit(code);
        }
    }

    @Test
    void aFailedRunIsResumedOncePerRetryRequest() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        try (TrackingStore store = TrackingStore.open(url)) {
            Path file = dir.resolve("retry.yaml");
            Files.writeString(file, STUDY);
            var spec = SpecLoader.load(file);
            long studyId = StudyQueue.enqueue(
                            store, spec.name(), SpecLoader.tree(file), GridExpander.expand(spec, false))
                    .id();
            long runId = store.runs().list(studyId).get(0).id();
            LocalExecutor executor = new LocalExecutor(
                    store,
                    url,
                    new StudyLayout(dir.resolve("study")),
                    new WorkerCommand(FailOnceWorkerMain.class.getName(), List.of("-Xmx256m")),
                    new LocalExecutor.Options(1, 1, 2, Duration.ofSeconds(30), Duration.ofMillis(100)));

            StudyProgress first = executor.run(studyId, ExecutionListener.NONE);
            assertEquals(1, first.failed(), "a run that reports its failure is not relaunched by the crash retries");
            assertEquals(RunStatus.FAILED, store.runs().require(runId).status());

            executor.retry(runId);
            assertTrue(executor.hasRetryRequests());
            StudyProgress second = executor.run(studyId, ExecutionListener.NONE);
            assertEquals(1, second.finished());
            assertEquals(RunStatus.FINISHED, store.runs().require(runId).status());
            assertFalse(executor.hasRetryRequests(), "the request was taken");

            executor.retry(runId);
            executor.retry(987_654);
            StudyProgress third = executor.run(studyId, ExecutionListener.NONE);
            assertEquals(1, third.finished(), "a finished run is not retried");
            assertEquals(0, third.failed());
            assertFalse(executor.hasRetryRequests(), "requests for a finished run or another study's run are dropped");
        }
    }
}
