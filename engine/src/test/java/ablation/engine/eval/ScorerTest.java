package ablation.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.EvalMode;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.PassAtK;
import ablation.core.stats.ProblemCount;
import ablation.engine.benchmark.Problem;
import ablation.engine.benchmark.ProblemFiles;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores the real HumanEval files when ../shared/data is beside the repository, small in-repo copies otherwise. */
class ScorerTest {
    static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        sandbox = Sandbox.open(SandboxOptions.defaults().withTimeout(20));
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    static Path data(String sharedName, String fixture) throws URISyntaxException {
        for (String base : List.of("../../shared/data/", "../shared/data/")) {
            Path shared = Path.of(base + sharedName);
            if (Files.exists(shared)) return shared;
        }
        return Path.of(ScorerTest.class.getResource(fixture).toURI());
    }

    static ScoreReport score(List<Problem> problems, List<Sample> samples, EvalMode mode, List<Integer> ks) {
        return Scorer.score(problems, samples, mode, ks, false, sandbox, (done, total) -> {}, IntervalSettings.DEFAULT);
    }

    @Test
    void canonicalSolutionsAllPassAndEmptyCompletionsNone() throws Exception {
        List<Problem> problems =
                ProblemFiles.read(data("HumanEval.jsonl.gz", "/ablation/engine/eval/humaneval-fixture.jsonl"));
        List<Sample> canonical = problems.stream()
                .map(p -> new Sample(p.taskId(), p.canonicalSolution()))
                .toList();
        ScoreReport report = score(problems, canonical, EvalMode.L2R, List.of(1));
        assertEquals(Map.of(Outcome.PASSED, problems.size()), report.outcomes(), () -> failures(report));
        assertEquals(1.0, report.passAtK().get(0).value());

        List<Sample> empty =
                problems.stream().map(p -> new Sample(p.taskId(), "")).toList();
        ScoreReport none = score(problems, empty, EvalMode.L2R, List.of(1));
        assertEquals(0.0, none.passAtK().get(0).value());
        assertEquals(0, none.outcomes().getOrDefault(Outcome.PASSED, 0));
    }

    @Test
    void canonicalMiddlesOfInfillingAllPass() throws Exception {
        List<Problem> problems = ProblemFiles.read(data(
                "HumanEval-RandomSpanInfillingLight.jsonl.gz",
                "/ablation/engine/eval/humaneval-infilling-fixture.jsonl"));
        List<Sample> canonical = problems.stream()
                .map(p -> new Sample(p.taskId(), p.canonicalSolution()))
                .toList();
        ScoreReport report = score(problems, canonical, EvalMode.INFILL, List.of(1));
        assertEquals(Map.of(Outcome.PASSED, problems.size()), report.outcomes(), () -> failures(report));
        assertThrows(WorkbenchException.class, () -> score(problems, canonical, EvalMode.L2R, List.of(1)));
    }

    @Test
    void countsPerProblemGivePassAtK() {
        Problem inc = new Problem(
                "t/inc", "def inc(x):\n", "", "    return x + 1\n", "def check(f):\n    assert f(1) == 2\n", "inc");
        Problem neg = new Problem(
                "t/neg", "def neg(x):\n", "", "    return -x\n", "def check(f):\n    assert f(3) == -3\n", "neg");
        List<Sample> samples = List.of(
                new Sample("t/inc", "    return x + 1\n"), new Sample("t/inc", "    return x\n"),
                new Sample("t/inc", "    return x + 1\n\nprint(inc(1))\n"), new Sample("t/inc", "    return (\n"),
                new Sample("t/neg", "    return -x\n"), new Sample("t/neg", "    while True: pass\n"),
                new Sample("t/neg", "    return x\n"), new Sample("t/neg", "    raise ValueError('no')\n"));
        ScoreReport report;
        try (Sandbox impatient =
                Sandbox.open(SandboxOptions.defaults().withWorkers(2).withTimeout(0.5))) {
            report = Scorer.score(
                    List.of(inc, neg),
                    samples,
                    EvalMode.L2R,
                    List.of(1, 2),
                    false,
                    impatient,
                    (d, t) -> {},
                    IntervalSettings.DEFAULT);
        }
        assertEquals(List.of(new ProblemCount("t/inc", 4, 2), new ProblemCount("t/neg", 4, 1)), report.counts());
        assertEquals((0.5 + 0.25) / 2, report.passAtK().get(0).value(), 1e-15);
        assertEquals(
                (PassAtK.of(4, 2, 2) + PassAtK.of(4, 1, 2)) / 2,
                report.passAtK().get(1).value(),
                1e-15);
        assertEquals(
                List.of(
                        Outcome.PASSED,
                        Outcome.ASSERTION,
                        Outcome.PASSED,
                        Outcome.SYNTAX,
                        Outcome.PASSED,
                        Outcome.TIMEOUT,
                        Outcome.ASSERTION,
                        Outcome.EXCEPTION),
                report.scored().stream().map(s -> s.result().outcome()).toList());
    }

    @Test
    void truncationCutsRawOutputsAtStopSequences() {
        Problem inc = new Problem(
                "t/inc", "def inc(x):\n", "", "    return x + 1\n", "def check(f):\n    assert f(1) == 2\n", "inc");
        List<Sample> raw = List.of(new Sample("t/inc", "    return x + 1\n\nassert False\n"));
        assertEquals(
                Outcome.ASSERTION,
                score(List.of(inc), raw, EvalMode.L2R, List.of(1))
                        .scored()
                        .get(0)
                        .result()
                        .outcome());
        ScoreReport cut = Scorer.score(
                List.of(inc),
                List.of(new Sample("t/inc", "    return x + 1\n\nif True:\n    assert False\n")),
                EvalMode.L2R,
                List.of(1),
                true,
                sandbox,
                (d, t) -> {},
                IntervalSettings.DEFAULT);
        assertTrue(cut.scored().get(0).result().passed(), cut.scored().toString());
        assertEquals("    return x + 1\n", cut.scored().get(0).sample().completion());
    }

    @Test
    void refusesUnknownTasksAndKAboveN() {
        Problem inc = new Problem(
                "t/inc", "def inc(x):\n", "", "    return x + 1\n", "def check(f):\n    assert f(1) == 2\n", "inc");
        WorkbenchException unknown = assertThrows(
                WorkbenchException.class,
                () -> score(List.of(inc), List.of(new Sample("t/other", "")), EvalMode.L2R, List.of(1)));
        assertTrue(unknown.getMessage().contains("t/other"), unknown.getMessage());
        WorkbenchException tooFew = assertThrows(
                WorkbenchException.class,
                () -> score(List.of(inc), List.of(new Sample("t/inc", "")), EvalMode.L2R, List.of(1, 10)));
        assertTrue(tooFew.getMessage().contains("pass@10"), tooFew.getMessage());
    }

    @Test
    void resultsFileFollowsHumanEval() {
        Problem inc = new Problem(
                "t/inc", "def inc(x):\n", "", "    return x + 1\n", "def check(f):\n    assert f(1) == 2\n", "inc");
        ScoreReport report =
                score(List.of(inc), List.of(new Sample("t/inc", "    return x\n")), EvalMode.L2R, List.of(1));
        Path samples = dir.resolve("samples.jsonl");
        Path results = SampleFiles.defaultResultsPath(samples);
        assertEquals("samples.jsonl_results.jsonl", results.getFileName().toString());
        SampleFiles.writeResults(results, report.scored());
        String line = readStripped(results);
        assertTrue(
                line.contains("\"task_id\":\"t/inc\"")
                        && line.contains("\"passed\":false")
                        && line.contains("\"result\":\"assertion\""),
                line);
    }

    static String readStripped(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String failures(ScoreReport report) {
        return report.scored().stream()
                .filter(s -> !s.result().passed())
                .limit(5)
                .map(s -> s.sample().taskId() + ": " + s.result())
                .toList()
                .toString();
    }
}
