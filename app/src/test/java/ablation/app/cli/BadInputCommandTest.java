package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad input to {@code train} and {@code study} (issue 14, item 6): exit 2 with a message naming the
 * field and the value, before any training, with nothing written (no store, no run directory, no cache).
 */
class BadInputCommandTest {
    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String runConfig(String extra) throws IOException {
        return Files.writeString(dir.resolve("run.yaml"), """
                name: bad
                data: {sources: [{name: py, kind: desk-pl}], cache_dir: "%s"}
                train: {device: cpu}
                """.formatted(dir.resolve("cache")) + extra + "\n")
                .toString();
    }

    private String study(String extra) throws IOException {
        return Files.writeString(dir.resolve("study.yaml"), """
                name: bad-study
                base:
                  data: {sources: [{name: py, kind: desk-pl}], cache_dir: "%s"}
                  train: {tokens: 100000, device: cpu}
                axes: [{path: model.layers, values: [1, 2]}]
                """.formatted(dir.resolve("cache")) + extra + "\n")
                .toString();
    }

    /** Only the config files this test wrote: no store, run directory or cache. */
    private void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    Stream.of("run.yaml", "study.yaml", "bench.jsonl")
                            .filter(f -> Files.exists(dir.resolve(f)))
                            .sorted()
                            .toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private void assertTrainRefused(String config, String... expected) throws IOException {
        assertEquals(
                Workbench.EXIT_USAGE,
                run("train", runConfig(config), "--out", dir.resolve("out").toString()),
                err.toString());
        for (String text : expected) assertTrue(err.toString().contains(text), "expected '" + text + "' in: " + err);
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
        assertNothingWritten();
    }

    @Test
    void aModelTooLargeForTheMachineIsRefusedWithItsMemoryFigure() throws IOException {
        assertTrainRefused(
                "model: {layers: 100000}", "layers: 100000", "GiB at batch 16, context 256", "this machine has");
    }

    @Test
    void aHugeDModelIsRefusedBeforeTheEngineSeesIt() throws IOException {
        assertTrainRefused("model: {d_model: 1048576, rotary_dim: 0}", "d_model: 1048576", "GiB");
    }

    @Test
    void aContextOrBatchBeyondTheTokenBudgetIsRefused() throws IOException {
        assertTrainRefused(
                "model: {context: 10000000}\ntrain: {tokens: 20000}", "train.tokens = 20000", "model.context 10000000");
    }

    @Test
    void aBatchBeyondTheTokenBudgetIsRefused() throws IOException {
        assertTrainRefused("train: {tokens: 20000, batch: 10000000}", "train.tokens = 20000", "train.batch 10000000");
    }

    @Test
    void anOddHeadDimensionIsRefused() throws IOException {
        assertTrainRefused("model: {d_model: 68, heads: 4, rotary_dim: 16}", "model.d_model = 68", "head dimension");
    }

    @Test
    void aOneTokenContextIsRefused() throws IOException {
        assertTrainRefused("model: {context: 1}", "model.context = 1", "at least 8");
    }

    @Test
    void fractionalLayersAndHeadsAreRefused() throws IOException {
        assertTrainRefused("model: {layers: 1.5}", "model.layers = 1.5");
        assertTrainRefused("model: {heads: 4.9}", "model.heads = 4.9");
    }

    @Test
    void trailingGarbageAfterAJsonConfigIsRefused() throws IOException {
        Path json = Files.writeString(
                dir.resolve("run.yaml"),
                "{\"name\": \"bad\", \"data\": {\"sources\": [{\"name\": \"py\","
                        + " \"kind\": \"desk-pl\"}], \"cache_dir\": \"" + dir.resolve("cache") + "\"}} {\"train\": 1}");
        assertEquals(
                Workbench.EXIT_USAGE,
                run("train", json.toString(), "--out", dir.resolve("out").toString()));
        assertTrue(err.toString().contains("not valid YAML/JSON"), err.toString());
        assertNothingWritten();
    }

    @Test
    void aMissingBenchmarkFileStopsTrainBeforeItTrains() throws IOException {
        assertTrainRefused(
                "eval: [{benchmark: " + dir.resolve("missing.jsonl") + "}]",
                "eval[" + dir.resolve("missing.jsonl") + "].benchmark",
                "does not exist");
    }

    private void assertStudyRefused(String studyFile, String... argsAndExpected) throws IOException {
        int split = java.util.Arrays.asList(argsAndExpected).indexOf("--");
        String[] flags = java.util.Arrays.copyOfRange(argsAndExpected, 0, split);
        String[] expected = java.util.Arrays.copyOfRange(argsAndExpected, split + 1, argsAndExpected.length);
        String[] args = Stream.concat(
                        Stream.of(
                                "study",
                                studyFile,
                                "--db",
                                dir.resolve("store").toString(),
                                "--out",
                                dir.resolve("out").toString()),
                        Stream.of(flags))
                .toArray(String[]::new);
        assertEquals(Workbench.EXIT_USAGE, run(args), err.toString());
        for (String text : expected) assertTrue(err.toString().contains(text), "expected '" + text + "' in: " + err);
        assertNothingWritten();
    }

    @Test
    void studyFlagsThatCannotWorkFailBeforeTheStoreIsWritten() throws IOException {
        String file = study("");
        assertStudyRefused(file, "--parallel", "0", "--", "--parallel = 0");
        assertStudyRefused(file, "--threads", "0", "--", "--threads = 0");
        assertStudyRefused(file, "--retries", "-1", "--", "--retries = -1");
    }

    @Test
    void anEmptySeedListIsRefused() throws IOException {
        assertStudyRefused(study("seeds: []"), "--", "seeds = []", "at least one seed");
    }

    @Test
    void aStudyWhoseBenchmarkFileIsMissingOrBrokenIsRefusedBeforeQueueing() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        String file = study("");
        Files.writeString(
                Path.of(file),
                Files.readString(Path.of(file))
                        .replace("device: cpu}", "device: cpu}\n  eval: [{benchmark: " + missing + "}]"));
        assertStudyRefused(file, "--", "eval[" + missing + "].benchmark", "does not exist");
        Path broken = Files.writeString(dir.resolve("bench.jsonl"), "{\"task_id\": \"a\"}\n");
        Files.writeString(
                Path.of(file), Files.readString(Path.of(file)).replace(missing.toString(), broken.toString()));
        assertStudyRefused(file, "--", "bench.jsonl line 1");
    }

    @Test
    void aStudyWhoseModelDoesNotFitIsRefusedBeforeQueueing() throws IOException {
        String file = study("");
        Files.writeString(
                Path.of(file), Files.readString(Path.of(file)).replace("values: [1, 2]", "values: [1, 100000]"));
        assertStudyRefused(file, "--", "run layers=100000,seed=1: model {layers: 100000", "this machine has");
    }
}
