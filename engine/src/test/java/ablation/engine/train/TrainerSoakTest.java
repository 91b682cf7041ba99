package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many steps of several runs, one after another in one JVM, each stopped and resumed twice from
 * its checkpoints (issue 14: a native crash in the backward pass of a long {@code train}): every
 * step trains once with a finite loss, every run learns, and the model's manager holds no more
 * arrays at the end of a run than after its first steps, so nothing a step creates outlives it.
 */
class TrainerSoakTest {
    private static final int STEPS = 150;

    @TempDir
    Path temp;

    @Test
    void severalLongRunsTrainResumeAndLeakNothing() {
        List<String> arches = List.of("causal", "prefix_lm", "causal", "prefix_lm");
        for (int run = 0; run < arches.size(); run++) {
            RunConfig config = TinyRuns.config(arches.get(run), STEPS, ", checkpoint_every: 15, seed: " + (run + 1));
            Path runDir = temp.resolve("run-" + run);
            TinyRuns.Recorder losses = new TinyRuns.Recorder();
            List<Integer> arrays = new ArrayList<>();
            for (long until : new long[] {STEPS / 3, 2 * STEPS / 3, STEPS}) {
                TrainingJob job = new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), runDir, null);
                try (Trainer trainer = Trainer.open(job)) {
                    trainer.train(until, losses, new ProgressListener() {
                        @Override
                        public void onStep(Progress progress) {
                            if (progress.step() % 15 != 5) return;
                            arrays.add(
                                    trainer.model().manager().getManagedArrays().size());
                        }
                    });
                }
            }
            String name = arches.get(run) + " run " + run;
            assertEquals(STEPS, losses.losses.size(), name + ": every step once");
            for (int i = 0; i < STEPS; i++) {
                assertEquals(i + 1, (long) losses.losses.get(i)[0], name + ": steps in order");
                assertTrue(Double.isFinite(losses.losses.get(i)[1]), name + ": finite loss at step " + (i + 1));
            }
            double first = losses.losses.get(0)[1];
            double last = losses.losses.get(STEPS - 1)[1];
            assertTrue(last < first - 1.0, name + ": loss falls from " + first + ", was " + last);
            assertTrue(
                    arrays.stream().distinct().count() <= 3,
                    name + ": arrays held by the model's manager grew: " + arrays);
        }
    }
}
