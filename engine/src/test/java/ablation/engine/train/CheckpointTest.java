package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.RunConfig;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path runDir;

    Path stepTwo;

    /** Two steps with a checkpoint after each. */
    @BeforeEach
    void train() throws IOException {
        RunConfig config = TinyRuns.config("causal", 2, ", checkpoint_every: 1");
        Path tokenizer = Files.writeString(
                runDir.resolve("tok.json"), "{\"added_tokens\": [{\"id\": 3, \"content\": \"<|endoftext|>\"}]}");
        try (Trainer trainer =
                Trainer.open(new TrainingJob(config, TinyRuns.VOCAB, TinyRuns.stream(config), runDir, tokenizer))) {
            trainer.train(MetricsSink.NONE, ProgressListener.NONE);
        }
        stepTwo = runDir.resolve("checkpoints/step-2");
    }

    @Test
    void aCompleteCheckpointOpensWithItsStateConfigAndTokenizer() {
        Checkpoint checkpoint = Checkpoint.open(stepTwo);
        assertEquals(2, checkpoint.state().step());
        assertEquals(2L * 4 * TinyRuns.CONTEXT, checkpoint.state().tokens());
        assertEquals("{\"produced\":4}", checkpoint.state().stream());
        assertEquals(2, checkpoint.config().model().layers());
        assertTrue(checkpoint.tokenizer().isPresent());
        assertEquals(2, Checkpoint.resolve(runDir).state().step());
        assertEquals(
                1,
                Checkpoint.resolve(runDir.resolve("checkpoints/step-1")).state().step());
    }

    @Test
    void aCorruptFileIsNamed() throws IOException {
        try (RandomAccessFile file =
                new RandomAccessFile(stepTwo.resolve(Checkpoint.MODEL).toFile(), "rw")) {
            file.seek(file.length() - 3);
            file.write(0x7f);
        }
        WorkbenchException error = assertThrows(WorkbenchException.class, () -> Checkpoint.open(stepTwo));
        assertTrue(
                error.getMessage().contains(stepTwo.toString())
                        && error.getMessage().contains("model.safetensors is corrupt"),
                error.getMessage());
        assertEquals(1, Checkpoint.latest(runDir).orElseThrow().state().step(), "latest skips the corrupt one");
    }

    @Test
    void aCheckpointWithoutManifestIsIncompleteAndSkipped() throws IOException {
        Path partial = runDir.resolve("checkpoints/step-9");
        Files.createDirectories(partial);
        Files.copy(stepTwo.resolve(Checkpoint.MODEL), partial.resolve(Checkpoint.MODEL));
        WorkbenchException error = assertThrows(WorkbenchException.class, () -> Checkpoint.open(partial));
        assertTrue(error.getMessage().contains("incomplete"), error.getMessage());
        assertEquals(2, Checkpoint.latest(runDir).orElseThrow().state().step());
    }

    @Test
    void aTruncatedFileIsNamed() throws IOException {
        Path state = stepTwo.resolve(Checkpoint.STATE);
        Files.writeString(state, Files.readString(state).substring(0, 10));
        WorkbenchException error = assertThrows(WorkbenchException.class, () -> Checkpoint.open(stepTwo));
        assertTrue(error.getMessage().contains("state.json has"), error.getMessage());
    }

    @Test
    void noCheckpointAtAllIsReported() {
        WorkbenchException error =
                assertThrows(WorkbenchException.class, () -> Checkpoint.resolve(runDir.resolve("elsewhere")));
        assertTrue(error.getMessage().contains("no complete checkpoint"), error.getMessage());
    }
}
