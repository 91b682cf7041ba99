package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.experiments.worker.RunExecution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code workbench eval} on a checkpoint of a tiny run trained for two steps on desk-pl. */
class EvalCommandTest {
    @TempDir
    static Path dir;

    static Path runDir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void train() {
        runDir = dir.resolve("run");
        RunConfig config = ConfigLoader.parse("""
                name: tiny-eval
                model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 4, context: 512}
                tokenizer: {train: {vocab_size: 600, sample_mb: 0.05}}
                data: {sources: [{name: python, kind: desk-pl}], holdout_docs: 3, cache_dir: "%s"}
                train: {tokens: 2048, batch: 2, lr: 0.001, warmup: 1, seed: 3, device: cpu}
                """.formatted(dir.resolve("cache")));
        RunExecution.train(config, runDir, MetricsSink.NONE, ProgressListener.NONE);
    }

    int run(String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsPassAtKBitsPerByteAndWritesTheSamples() throws Exception {
        Path samples = dir.resolve("samples.jsonl");
        assertEquals(
                0,
                run(
                        "eval",
                        "--checkpoint",
                        runDir.toString(),
                        "--benchmark",
                        "desk-l2r",
                        "--problems",
                        "2",
                        "--n",
                        "3",
                        "--max-new-tokens",
                        "8",
                        "--workers",
                        "1",
                        "--samples-out",
                        samples.toString(),
                        "--bpb"),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(2, json.get("problems").asInt());
        assertEquals("l2r", json.get("mode").asText());
        assertEquals(3, json.get("seed").asInt(), "the run's seed by default");
        assertEquals(1, json.get("pass_at_k").size(), "default ks above n are left out: " + json.get("pass_at_k"));
        double pass1 = json.at("/pass_at_k/pass@1/value").asDouble();
        assertTrue(pass1 >= 0 && pass1 <= 1);
        assertEquals(6, Files.readAllLines(samples).size());
        assertTrue(json.at("/bits_per_byte/python").asDouble() > 0, json.toString());
        assertTrue(err.toString().contains("eval ["), "a progress line: " + err);
        assertEquals(0, json.get("prompts_trimmed").asInt(), "a desk prompt fits 512 tokens whole");
        assertEquals(0, json.get("prompts_unfit").size());
        int finished = 0;
        for (String reason : List.of("stop_token", "stop_sequence", "length", "prompt_too_long")) {
            finished += json.at("/finishes/" + reason).asInt(-100);
        }
        assertEquals(6, finished, "every sample has one finish reason: " + json.get("finishes"));
    }

    @Test
    void theUnderstandingTestAndInfillLineModeAreInTheJson() throws Exception {
        assertEquals(
                0,
                run(
                        "eval",
                        "--checkpoint",
                        runDir.toString(),
                        "--benchmark",
                        "desk-infill",
                        "--mode",
                        "infill-line",
                        "--problems",
                        "1",
                        "--n",
                        "1",
                        "--k",
                        "1",
                        "--max-new-tokens",
                        "4",
                        "--workers",
                        "1",
                        "--understanding"),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("infill-line", json.get("mode").asText());
        JsonNode understanding = json.get("understanding");
        double accuracy = understanding.get("accuracy").asDouble();
        assertTrue(
                understanding.get("low").asDouble() <= accuracy
                        && accuracy <= understanding.get("high").asDouble(),
                json.toString());
        assertTrue(understanding.get("pairs").asInt() >= 300, "at least 300 pairs: " + understanding);
        assertTrue(understanding.get("programs").asInt()
                <= understanding.get("pairs").asInt());
        assertEquals(0, understanding.get("unfit_pairs").asInt());
        assertTrue(understanding.get("accuracy_by_kind").size() >= 3, understanding.toString());
    }

    @Test
    void infillOnADeskBenchmarkUsesTheRunsInfillLayout() throws Exception {
        assertEquals(
                0,
                run(
                        "eval",
                        "--checkpoint",
                        runDir.toString(),
                        "--benchmark",
                        "desk-infill",
                        "--problems",
                        "1",
                        "--n",
                        "2",
                        "--k",
                        "1,2",
                        "--max-new-tokens",
                        "4",
                        "--workers",
                        "1",
                        "--temperature",
                        "0"),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("infill", json.get("mode").asText());
        assertEquals("codegen2", json.get("prompt_format").asText());
        assertEquals(0.0, json.get("temperature").asDouble());
        assertTrue(json.at("/pass_at_k/pass@2").isObject());
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertEquals(
                Workbench.EXIT_USAGE,
                run("eval", "--checkpoint", runDir.toString(), "--benchmark", "desk-l2r", "--n", "2", "--k", "5"));
        assertTrue(err.toString().contains("k"), err.toString());
        assertEquals(
                Workbench.EXIT_USAGE,
                run("eval", "--checkpoint", dir.resolve("nowhere").toString(), "--benchmark", "desk-l2r"));
        assertEquals(
                Workbench.EXIT_USAGE,
                run(
                        "eval",
                        "--checkpoint",
                        runDir.toString(),
                        "--benchmark",
                        "desk-l2r",
                        "--mode",
                        "infill",
                        "--problems",
                        "1",
                        "--n",
                        "1",
                        "--k",
                        "1"));
        assertTrue(err.toString().contains("suffix"), err.toString());
    }

    @Test
    void benchSampleReportsTheCachedSpeedup() throws Exception {
        assertEquals(
                0,
                run("bench", "sample", "--json", "--n", "2", "--prompt-tokens", "8", "--new-tokens", "8"),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        for (String key : List.of("cached_tokens_per_s", "uncached_tokens_per_s", "speedup"))
            assertTrue(json.get(key).asDouble() > 0, key);
    }
}
