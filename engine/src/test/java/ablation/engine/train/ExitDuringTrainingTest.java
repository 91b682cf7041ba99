package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a process that is training: it exits with the signal's status (143), between steps,
 * instead of crashing in libtorch (SIGSEGV in at::accelerator::getAccelerator, exit 134).
 */
class ExitDuringTrainingTest {
    private static final int VOCAB = 512;

    @TempDir
    Path dir;

    /** The child process: trains a model whose steps are mostly backward pass, printing each step. */
    public static void main(String[] args) throws IOException {
        Path runDir = Path.of(args[0]);
        RunConfig config = ConfigLoader.parse("""
                name: sigterm
                model: {layers: 4, d_model: 256, heads: 4, rotary_dim: 32, context: 256}
                data: {sources: [{name: s, kind: desk-pl}]}
                train: {tokens: 100000000, batch: 16, device: cpu, checkpoint_every: 100000}
                """);
        Path tokenizer = Files.writeString(runDir.resolve("tokenizer.json"), "{\"added_tokens\": []}");
        try (Trainer trainer = Trainer.open(new TrainingJob(
                config, VOCAB, new SyntheticBatchStream(VOCAB, 16, 256, 1, false), runDir, tokenizer))) {
            trainer.train(MetricsSink.NONE, progress -> System.out.println("step " + progress.step()));
        }
    }

    @Test
    void sigtermExitsBetweenStepsWithoutCrashing() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            Path runDir = Files.createDirectories(dir.resolve("run" + attempt));
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx1g",
                            "-Dai.djl.offline=true",
                            "-Dai.djl.pytorch.num_threads=1",
                            "-Dai.djl.pytorch.num_interop_threads=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ExitDuringTrainingTest.class.getName(),
                            runDir.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            List<String> lines = new ArrayList<>();
            long stepStarted = System.nanoTime();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.equals("step 1")) stepStarted = System.nanoTime();
                    if (line.equals("step 2")) {
                        // SIGTERM at 0, 1/3 and 2/3 of the third step (Process.destroy would close our pipe);
                        // without the exit gate the first attempt already died in libtorch
                        Thread.sleep((System.nanoTime() - stepStarted) * attempt / 3 / 1_000_000);
                        new ProcessBuilder("kill", "-TERM", Long.toString(child.pid()))
                                .start()
                                .waitFor();
                    }
                }
            }
            int status = child.waitFor();
            String output = String.join("\n", lines);
            assertTrue(lines.contains("step 2"), output);
            assertFalse(output.contains("fatal error"), output);
            assertEquals(143, status, output);
            try (var files = Files.list(dir)) {
                assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err")), "no JVM crash log");
            }
        }
    }
}
