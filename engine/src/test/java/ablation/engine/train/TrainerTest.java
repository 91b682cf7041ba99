package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.RunConfig;
import ablation.engine.model.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    @TempDir
    Path temp;

    @Test
    void resumingFromACheckpointGivesTheSameLossesAndParameters() {
        int n = 4;
        RunConfig config = TinyRuns.config("prefix_lm", 2 * n, "");

        TinyRuns.Recorder straight = new TinyRuns.Recorder();
        Map<String, Safetensors.Tensor> straightParameters;
        try (Trainer trainer = Trainer.open(
                new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), temp.resolve("a"), null))) {
            assertEquals(2 * n, trainer.steps());
            trainer.train(straight, ProgressListener.NONE);
            straightParameters = trainer.model().snapshot();
        }

        TinyRuns.Recorder resumed = new TinyRuns.Recorder();
        Path runDir = temp.resolve("b");
        try (Trainer first =
                Trainer.open(new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), runDir, null))) {
            first.train(n, resumed, ProgressListener.NONE);
        }
        assertTrue(Files.isDirectory(runDir.resolve("checkpoints/step-" + n)));
        Map<String, Safetensors.Tensor> resumedParameters;
        try (Trainer second =
                Trainer.open(new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), runDir, null))) {
            assertEquals(n, second.step());
            second.train(resumed, ProgressListener.NONE);
            resumedParameters = second.model().snapshot();
        }

        assertEquals(2 * n, straight.losses.size());
        assertEquals(2 * n, resumed.losses.size());
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(straight.losses.get(i)[0], resumed.losses.get(i)[0]);
            assertEquals(straight.losses.get(i)[1], resumed.losses.get(i)[1], 1e-6, "loss at step " + (i + 1));
        }
        for (String name : straightParameters.keySet()) {
            assertArrayEquals(
                    straightParameters.get(name).values(),
                    resumedParameters.get(name).values(),
                    1e-6f,
                    name);
        }
    }

    @Test
    void lossFallsOnLearnableData() {
        RunConfig config = TinyRuns.config("causal", 40, "");
        TinyRuns.Recorder metrics = new TinyRuns.Recorder();
        try (Trainer trainer =
                Trainer.open(new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), temp, null))) {
            trainer.train(metrics, ProgressListener.NONE);
        }
        double first = metrics.losses.get(0)[1];
        double last = metrics.losses.get(metrics.losses.size() - 1)[1];
        assertEquals(Math.log(TinyRuns.VOCAB), first, 0.5, "an untrained model is near uniform");
        assertTrue(last < first - 1.0, "loss should fall well below " + first + ", was " + last);
    }

    @Test
    void aCheckpointFromAnotherConfigIsRefusedNamingTheField() {
        RunConfig config = TinyRuns.config("causal", 2, "");
        try (Trainer trainer =
                Trainer.open(new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), temp, null))) {
            trainer.train(MetricsSink.NONE, ProgressListener.NONE);
        }
        RunConfig other = TinyRuns.config("causal", 2, ", lr: 0.02");
        WorkbenchException error = assertThrows(
                WorkbenchException.class,
                () -> Trainer.open(new TrainingJob(other, TinyRuns.VOCAB, TinyRuns.stream(other), temp, null)));
        assertTrue(error.getMessage().contains("train.lr"), error.getMessage());
        assertTrue(error.getMessage().contains("step-2"), error.getMessage());

        WorkbenchException vocab = assertThrows(
                WorkbenchException.class,
                () -> Trainer.open(new TrainingJob(config, TinyRuns.VOCAB + 1, TinyRuns.stream(config), temp, null)));
        assertTrue(vocab.getMessage().contains("vocabulary"), vocab.getMessage());
    }

    @Test
    void learningRateWarmsUpLinearlyThenFollowsACosineToTheMinimum() {
        LearningRateSchedule schedule = new LearningRateSchedule(1.0, 0.1, 4, 15);
        assertEquals(
                List.of(0.25, 0.5, 0.75, 1.0), List.of(schedule.at(0), schedule.at(1), schedule.at(2), schedule.at(3)));
        assertEquals(1.0, schedule.at(4), 1e-12);
        assertEquals(0.55, schedule.at(9), 1e-12); // half-way through the decay
        assertEquals(0.1, schedule.at(14), 1e-12);
        for (int step = 5; step < 15; step++) assertTrue(schedule.at(step) < schedule.at(step - 1));
    }
}
