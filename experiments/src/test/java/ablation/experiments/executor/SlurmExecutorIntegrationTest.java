package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.engine.train.MetricsSink;
import ablation.experiments.queue.StudyQueue;
import ablation.experiments.worker.WorkerMain;
import ablation.storage.H2Network;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-run study trained by a real Slurm job array against an H2 TCP server started here; one
 * run's task is killed on the way and the run resumes in a resubmitted array. Needs a running Slurm
 * ({@code .ci/setup.d/40-slurm.sh} starts one and sets {@code WORKBENCH_TEST_SLURM=1}).
 */
class SlurmExecutorIntegrationTest {
    @TempDir
    Path dir;

    private Server server;
    private String url;

    /** In each test (not once for the class), so the report lists the skipped tests with the reason. */
    @BeforeEach
    void needsSlurmThenStartsAnH2Server() throws Exception {
        assumeTrue(
                "1".equals(System.getenv("WORKBENCH_TEST_SLURM")),
                "Slurm integration test skipped: WORKBENCH_TEST_SLURM=1 is not set (.ci/setup.d/40-slurm.sh starts a one-node Slurm and sets it)");
        assumeTrue(SlurmCluster.available(), "Slurm integration test skipped: sbatch is not on the PATH");
        H2Network.loopbackOnly();
        server = Server.createTcpServer(
                        "-tcpPort",
                        "0",
                        "-ifNotExists",
                        "-baseDir",
                        dir.resolve("db").toString())
                .start();
        url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/slurm-test";
    }

    @AfterEach
    void stopH2Server() {
        if (server != null) server.stop();
    }

    private String study() {
        return """
                name: slurm-executor-test
                base:
                  model: {layers: 2, d_model: 32, heads: 4, rotary_dim: 4, context: 32}
                  tokenizer: {train: {vocab_size: 512, sample_mb: 0.2}}
                  data: {sources: [{name: py, kind: desk-pl}], holdout_docs: 4, cache_dir: "%s"}
                  train: {tokens: 32768, batch: 4, lr: 0.01, warmup: 2, min_lr: 0.001, device: cpu,
                          checkpoint_every: 16, log_every: 4}
                axes: [{path: model.d_model, values: [32, 64]}]
                slurm: {cpus: 1, time: 10, max_parallel: 2}
                """.formatted(dir.resolve("cache"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTwoRunStudyTrainsAsAJobArrayAndALostTaskIsResubmitted() throws Exception {
        try (TrackingStore store = TrackingStore.open(url)) {
            AblationSpec spec = SpecLoader.parse(study());
            Study study = StudyQueue.enqueue(
                    store, spec.name(), ConfigLoader.readTree(study()), GridExpander.expand(spec, false));
            StudyLayout layout = new StudyLayout(dir.resolve("study"));
            SlurmExecutor executor = new SlurmExecutor(
                    store,
                    url,
                    layout,
                    new WorkerCommand(WorkerMain.class.getName(), List.of("-Xmx1g")),
                    new SlurmCluster(),
                    new SlurmExecutor.Options(spec.slurm(), 1, Duration.ofSeconds(12), Duration.ofSeconds(1)));
            List<String> ended = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            SlurmCluster cluster = new SlurmCluster();
            Map<String, Long> killedAtStep = new HashMap<>();
            StudyProgress done;
            try {
                long job = executor.submitUnclaimed(study).orElseThrow();
                assertTrue(executor.submitUnclaimed(study).isEmpty(), "both runs have a task: nothing more to submit");
                done = executor.follow(study, new ExecutionListener() {
                    @Override
                    public void progress(StudyProgress progress) {
                        lines.add(progress.line());
                        // Kill the task of the first run past its first checkpoint, once: a lost node.
                        if (!killedAtStep.isEmpty()) return;
                        for (StudyProgress.ActiveRun active : progress.active()) {
                            if (active.step() < 20 || active.step() >= active.steps() - 40) continue;
                            Run run = store.runs().list(study.id()).stream()
                                    .filter(r -> r.name().equals(active.name()))
                                    .findFirst()
                                    .orElseThrow();
                            cluster.cancel(List.of(SlurmTask.recordedIn(layout.runDir(run.id()))
                                    .orElseThrow()
                                    .id()));
                            killedAtStep.put(run.name(), active.step());
                            return;
                        }
                    }

                    @Override
                    public void runEnded(String runName, String status, String message) {
                        ended.add(runName + " " + status + (message == null ? "" : " " + message));
                    }
                });
                assertEquals(1, killedAtStep.size(), "a task was killed mid-run: " + lines);
                List<Long> jobs = List.copyOf(executor.submittedJobs());
                assertEquals(2, jobs.size(), "one resubmission for the orphaned run: " + lines);
                assertEquals(job, jobs.get(0));
            } finally {
                executor.cancel(study); // leaves nothing queued if an assertion or the timeout struck
            }

            assertEquals(2, done.finished(), "finished: " + ended + "; last line: " + done.line());
            assertTrue(
                    lines.stream().anyMatch(l -> l.contains("slurm job ")),
                    "squeue state on the progress line: " + lines);
            for (Run run : store.runs().list(study.id())) {
                assertEquals(RunStatus.FINISHED, run.status(), run.name() + ": " + run.error());
                RunConfig config = ConfigLoader.parse(run.configJson());
                long steps = config.train().steps(config.model().context());
                MetricSummary loss = store.metrics()
                        .summary(run.id(), MetricsSink.TRAIN_LOSS)
                        .orElseThrow();
                assertEquals(steps, loss.lastStep(), run.name());
                assertEquals(
                        steps / config.train().logEvery(),
                        loss.points(),
                        run.name() + ": neither gaps nor duplicates after a resume");
                assertTrue(
                        Double.isFinite(loss.last()) && loss.last() < loss.first(), run.name() + " learned: " + loss);
                Path log = executor.taskLog(run.id()).orElseThrow();
                assertTrue(Files.readString(log).contains("claimed run " + run.id()), log.toString());
                if (killedAtStep.containsKey(run.name())) {
                    assertTrue(
                            Files.readString(log).contains("resuming orphaned run"),
                            "resumed by the new array: " + log);
                }
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anArrayWhoseTasksCannotStartAWorkerStopsTheFollowWithItsLog() {
        try (TrackingStore store = TrackingStore.open(url)) {
            AblationSpec spec = SpecLoader.parse(study());
            Study study = StudyQueue.enqueue(
                    store, spec.name(), ConfigLoader.readTree(study()), GridExpander.expand(spec, false));
            SlurmExecutor executor = new SlurmExecutor(
                    store,
                    url,
                    new StudyLayout(dir.resolve("study")),
                    new WorkerCommand("ablation.NoSuchWorker", List.of()),
                    new SlurmCluster(),
                    new SlurmExecutor.Options(spec.slurm(), 0, Duration.ofSeconds(12), Duration.ofSeconds(1)));
            try {
                executor.submitUnclaimed(study).orElseThrow();
                WorkbenchException stopped =
                        assertThrows(WorkbenchException.class, () -> executor.follow(study, ExecutionListener.NONE));
                assertTrue(
                        stopped.getMessage().contains("without any of its tasks claiming a run"), stopped.getMessage());
                assertTrue(
                        stopped.getMessage().contains("ablation.NoSuchWorker"),
                        "the task's log is quoted: " + stopped.getMessage());
                assertEquals(1, executor.submittedJobs().size(), "no retries asked for, none made");
            } finally {
                executor.cancel(study);
            }
            assertTrue(store.runs().list(study.id()).stream().allMatch(r -> r.status() == RunStatus.CANCELLED));
        }
    }
}
