package ablation.experiments.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.engine.config.ConfigLoader;
import ablation.engine.config.RunConfig;
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

    @TempDir Path runDir;

    @Test
    void checkpointsAheadOfTheStoredPointsAreDeletedAndTheRunResumesFromTheNewestCoveredOne() throws Exception {
        RunConfig config = ConfigLoader.parse("""
                name: resume
                model: {layers: 1, d_model: 16, heads: 2, rotary_dim: 4, context: 8}
                data: {sources: [{name: py, kind: desk-pl}]}
                train: {tokens: %d, batch: 2, seed: 3, device: cpu, log_every: 4, checkpoint_every: 10}
                """.formatted(30 * 2 * 8));
        try (TrackingStore store = TrackingStore.open("jdbc:h2:mem:resume-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            long studyId = store.studies().create("resume", null).id();
            Run run = store.runs().create(studyId, new NewRun("r", ConfigLoader.JSON.valueToTree(config).toString(), "h", "c"));
            try (MetricWriter writer = store.metrics().writer(run.id());
                 Trainer trainer = Trainer.open(new TrainingJob(config, VOCAB,
                         new SyntheticBatchStream(VOCAB, 2, 8, 5, false), runDir, null))) {
                trainer.train((key, step, value) -> {
                    if (step <= 17) writer.log(key, step, value); // the rest never reached the store
                }, ProgressListener.NONE);
            }
            assertEquals(List.of("step-10", "step-20", "step-30"), checkpoints());
            assertEquals(16L, store.metrics().summary(run.id(), MetricsSink.TRAIN_LOSS).orElseThrow().lastStep());

            assertEquals(10, WorkerMain.resumeStep(store, run, runDir), "step 20's point was lost: resume before it");
            assertEquals(List.of("step-10"), checkpoints());
        }
    }

    private List<String> checkpoints() throws Exception {
        try (Stream<Path> dirs = Files.list(runDir.resolve("checkpoints"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
