package ablation.experiments.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.engine.train.SyntheticBatchStream;
import ablation.engine.train.Trainer;
import ablation.engine.train.TrainingJob;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.NewRun;
import ablation.storage.run.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed run never starts from a checkpoint ahead of its stored metrics (issue 14: a study
 * killed with SIGKILL left checkpoints whose points never reached the store, and the series kept a
 * gap). Here the store keeps the points up to step 17 of a run checkpointed at 10, 20 and 30 and
 * logged every 4 steps, as a store that lost its last commits would.
 */
class ResumeStepTest {
    private static final int VOCAB = 40;

    @TempDir
    Path runDir;

    private static final RunConfig CONFIG = ConfigLoader.parse("""
            name: resume
            model: {layers: 1, d_model: 16, heads: 2, rotary_dim: 4, context: 8}
            data: {sources: [{name: py, kind: desk-pl}]}
            train: {tokens: %d, batch: 2, seed: 3, device: cpu, log_every: 4, checkpoint_every: 10}
            """.formatted(30 * 2 * 8));

    @Test
    void checkpointsAheadOfTheStoredPointsAreDeletedAndTheRunResumesFromTheNewestCoveredOne() throws Exception {
        try (TrackingStore store = store()) {
            Run run = trainStoringUpTo(store, 17); // the rest never reached the store
            assertEquals(List.of("step-10", "step-20", "step-30"), checkpoints());
            assertEquals(
                    16L,
                    store.metrics()
                            .summary(run.id(), MetricsSink.TRAIN_LOSS)
                            .orElseThrow()
                            .lastStep());

            assertEquals(10, WorkerMain.resumeStep(store, run, runDir), "step 20's point was lost: resume before it");
            assertEquals(List.of("step-10"), checkpoints());
        }
    }

    /** A run whose every point is stored (its evaluation failed, say) keeps its last checkpoint. */
    @Test
    void aFullyStoredRunKeepsEveryCheckpoint() throws Exception {
        try (TrackingStore store = store()) {
            Run run = trainStoringUpTo(store, Long.MAX_VALUE);
            assertEquals(30, WorkerMain.resumeStep(store, run, runDir));
            assertEquals(List.of("step-10", "step-20", "step-30"), checkpoints());
        }
    }

    private static TrackingStore store() {
        return TrackingStore.open("jdbc:h2:mem:resume-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** Trains the 30-step run, storing its points up to {@code lastStoredStep}. */
    private Run trainStoringUpTo(TrackingStore store, long lastStoredStep) {
        long studyId = store.studies().create("resume", null).id();
        String json = ConfigLoader.JSON.valueToTree(CONFIG).toString();
        Run run = store.runs().create(studyId, new NewRun("r", json, "h", "c"));
        try (MetricWriter writer = store.metrics().writer(run.id());
                Trainer trainer = Trainer.open(new TrainingJob(
                        CONFIG, VOCAB, new SyntheticBatchStream(VOCAB, 2, 8, 5, false), runDir, null))) {
            trainer.train(
                    (key, step, value) -> {
                        if (step <= lastStoredStep) writer.log(key, step, value);
                    },
                    ProgressListener.NONE);
        }
        return run;
    }

    private List<String> checkpoints() throws Exception {
        try (Stream<Path> dirs = Files.list(runDir.resolve("checkpoints"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
