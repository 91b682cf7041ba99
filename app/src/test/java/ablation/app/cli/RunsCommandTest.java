package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runs and report commands against an in-memory store filled as a study fills it (no training). */
class RunsCommandTest {
    static final String SPEC = """
            {"name": "infill", "description": "lesson 2 in miniature", "lesson": 2, "seeds": [1, 2],
             "base": {"model": {"layers": 1, "d_model": 32, "heads": 2, "rotary_dim": 8, "context": 32},
                      "tokenizer": {"train": {"vocab_size": 512}},
                      "data": {"sources": [{"name": "python", "kind": "desk-pl"}]},
                      "train": {"tokens": 12800, "batch": 4},
                      "eval": [{"benchmark": "desk-l2r", "mode": "l2r", "n": 4, "k": [1, 2]}]},
             "axes": [{"path": "objective", "name": "fim", "labels": ["0", "0.5"],
                       "values": [{"clm": 1.0, "fim": 0.0}, {"clm": 0.5, "fim": 0.5}]}]}
            """;
    /** Passes out of n = 4 per problem: pass@1 is their mean over 4. */
    static final int[] PASSES = {4, 2, 1, 0};

    @TempDir
    Path dir;

    String url;
    TrackingStore store;
    Study study;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void fill() throws Exception {
        url = "jdbc:h2:mem:" + UUID.randomUUID();
        store = TrackingStore.open(url);
        AblationSpec spec = SpecLoader.parse(SPEC);
        study = StudyQueue.enqueue(
                store, spec.name(), new ObjectMapper().readTree(SPEC), GridExpander.expand(spec, false));
        measure("fim=0,seed=1", 2.0);
        store.runs().finish(run("fim=0,seed=1").id());
        measure("fim=0.5,seed=1", 2.5);
        store.runs().finish(run("fim=0.5,seed=1").id());
        measure("fim=0,seed=2", 3.0);
        store.runs().fail(run("fim=0,seed=2").id(), "loss is NaN at step 40\nsecond line of the error");
        // fim=0.5,seed=2 stays queued
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listJsonHasItsDocumentedKeys() throws Exception {
        assertEquals(0, run("runs", "list", "--study", "infill", "--json", "--db", url), err.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("infill", doc.get("study").asText());
        assertEquals(4, doc.get("runs").size());
        JsonNode fim = runNamed(doc, "fim=0.5,seed=1");
        assertEquals(
                new TreeSet<>(List.of(
                        "id",
                        "study",
                        "name",
                        "status",
                        "seed",
                        "cell_key",
                        "config_hash",
                        "lessons",
                        "created_at",
                        "started_at",
                        "ended_at",
                        "error",
                        "config_diff",
                        "metrics")),
                fieldNames(fim));
        assertEquals(run("fim=0.5,seed=1").id(), fim.get("id").asLong());
        assertEquals("finished", fim.get("status").asText());
        assertEquals(1, fim.get("seed").asLong());
        assertEquals("[2]", fim.get("lessons").toString());
        assertEquals(
                new ObjectMapper().readTree("{\"objective.clm\": 0.5, \"objective.fim\": 0.5}"),
                fim.get("config_diff"));
        JsonNode metrics = fim.get("metrics");
        assertEquals(2.5 + 1.0 / 10, metrics.get("train/loss").asDouble(), 1e-12);
        assertEquals(
                Set.of("train/loss", "train/tokens", "eval/bpb/python", "pass@1/desk-l2r/l2r", "pass@2/desk-l2r/l2r"),
                Set.copyOf(fieldNames(metrics)));
        JsonNode pass1 = metrics.get("pass@1/desk-l2r/l2r");
        assertEquals(new TreeSet<>(List.of("value", "low", "high", "problems", "step")), fieldNames(pass1));
        assertEquals((4 + 2 + 1 + 0) / 16.0, pass1.get("value").asDouble(), 1e-12);
        assertTrue(pass1.get("low").asDouble() <= pass1.get("value").asDouble()
                && pass1.get("value").asDouble() <= pass1.get("high").asDouble());
        assertEquals(PASSES.length, pass1.get("problems").asInt());
        assertEquals(10, pass1.get("step").asLong());
        JsonNode base = runNamed(doc, "fim=0,seed=2");
        assertEquals("failed", base.get("status").asText());
        assertTrue(base.get("error").asText().startsWith("loss is NaN"));
        assertEquals(0, base.get("config_diff").size(), "the fim=0 arm is the base");
        JsonNode queued = runNamed(doc, "fim=0.5,seed=2");
        assertEquals("queued", queued.get("status").asText());
        assertTrue(queued.get("started_at").isNull());
        assertEquals(0, queued.get("metrics").size());
    }

    @Test
    void listTableShowsEveryRunWithItsChanges() {
        assertEquals(0, run("runs", "list", "--db", url), err.toString());
        String text = out.toString();
        assertTrue(text.contains("study infill: 4 runs"), text);
        assertTrue(text.contains("pass@1/desk-l2r/l2r"), text);
        String fimLine = text.lines()
                .filter(l -> l.contains("fim=0.5,seed=1"))
                .findFirst()
                .orElseThrow();
        assertTrue(fimLine.contains("objective.clm=0.5 objective.fim=0.5") && fimLine.contains("0.438"), fimLine);
    }

    @Test
    void compareShowsOnlyTheFieldsThatDiffer() {
        assertEquals(0, run("runs", "compare", id("fim=0,seed=1"), id("fim=0.5,seed=2"), "--db", url), err.toString());
        String text = out.toString();
        List<String> configLines = text.lines()
                .dropWhile(l -> !l.startsWith("config"))
                .skip(1)
                .takeWhile(l -> !l.isBlank())
                .toList();
        assertEquals(
                List.of("objective.clm", "objective.fim", "train.seed"),
                configLines.stream().map(l -> l.trim().split("\\s+")[0]).toList(),
                text);
        assertTrue(configLines.get(1).trim().matches("objective.fim\\s+0\\s+0.5"), configLines.get(1));
        assertTrue(text.contains("train/loss") && text.contains("2.100"), text);
    }

    @Test
    void showHasTheErrorTheDiffAndTheConfig() {
        assertEquals(0, run("runs", "show", id("fim=0,seed=2"), "--db", url), err.toString());
        String text = out.toString();
        assertTrue(text.contains("failed: loss is NaN at step 40"), text);
        assertTrue(text.contains("second line of the error"), "the whole error further down");
        assertTrue(text.contains("device cpu"), text);
        assertTrue(text.contains("\"d_model\" : 32"), "the full config");
        assertTrue(text.contains("worker.log"), text);
    }

    @Test
    void cancelThenRetryHandsTheRunBackKeepingItsMetrics() {
        Run queued = run("fim=0.5,seed=2");
        assertEquals(0, run("runs", "cancel", Long.toString(queued.id()), "--db", url), err.toString());
        assertEquals(RunStatus.CANCELLED, store.runs().require(queued.id()).status());
        Run failed = run("fim=0,seed=2");
        long points =
                store.metrics().summary(failed.id(), "train/loss").orElseThrow().points();
        assertEquals(0, run("runs", "retry", Long.toString(failed.id()), "--db", url), err.toString());
        assertEquals(
                RunStatus.RUNNING,
                store.runs().require(failed.id()).status(),
                "resumed, for the study's executor to take over");
        assertEquals(
                points,
                store.metrics().summary(failed.id(), "train/loss").orElseThrow().points());
        assertEquals(Workbench.EXIT_USAGE, run("runs", "retry", id("fim=0,seed=1"), "--db", url));
        assertTrue(err.toString().contains("is finished"), err.toString());
    }

    @Test
    void reportWritesTheChosenFormatsAndPrintsTheirPaths() {
        Path reportDir = dir.resolve("report");
        assertEquals(
                0,
                run("report", "--study", "infill", "--out", reportDir.toString(), "--format", "html,md", "--db", url),
                err.toString());
        List<String> printed = out.toString().lines().toList();
        assertTrue(printed.contains(reportDir.resolve("report.html").toString()), printed.toString());
        assertTrue(printed.contains(reportDir.resolve("report.md").toString()), printed.toString());
        assertTrue(Files.exists(reportDir.resolve("report.html")) && !Files.exists(reportDir.resolve("report.pdf")));
        assertFalse(out.toString().contains("report.pdf"));
    }

    @Test
    void badFormatsAndUnknownStudiesAreUsageErrors() {
        assertEquals(
                Workbench.EXIT_USAGE,
                run("report", "--study", "infill", "--out", dir.toString(), "--format", "docx", "--db", url));
        assertTrue(err.toString().contains("docx"), err.toString());
        assertEquals(Workbench.EXIT_USAGE, run("runs", "list", "--study", "nope", "--db", url));
        assertTrue(err.toString().contains("infill"), "names the studies there are: " + err);
        assertEquals(Workbench.EXIT_USAGE, run("runs", "show", "999999", "--db", url));
        assertTrue(err.toString().contains("999999"), err.toString());
    }

    int run(String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Run run(String name) {
        return store.runs().list(study.id()).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    String id(String name) {
        return Long.toString(run(name).id());
    }

    /** Starts the run and logs ten steps of loss and tokens, bits per byte, and an evaluation at step 10. */
    void measure(String name, double finalLoss) {
        Run run = run(name);
        store.runs().start(run.id(), new Provenance("0.1.0", "0.36.0", "2.7.1", "cpu", "desk", "Linux", "17"));
        try (MetricWriter metrics = store.metrics().writer(run.id())) {
            for (long step = 1; step <= 10; step++) {
                metrics.log("train/loss", step, finalLoss + 1.0 / step);
                metrics.log("train/tokens", step, step * 128);
            }
            metrics.log("eval/bpb/python", 10, finalLoss / 2);
        }
        List<EvalResult> results = new ArrayList<>();
        for (int p = 0; p < PASSES.length; p++)
            results.add(new EvalResult(run.id(), 10, "desk-l2r", "l2r", "p" + p, 4, PASSES[p]));
        store.evaluations().recordAll(results);
    }

    static JsonNode runNamed(JsonNode doc, String name) {
        for (JsonNode run : doc.get("runs")) if (run.get("name").asText().equals(name)) return run;
        throw new AssertionError("no run " + name + " in " + doc);
    }

    static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
