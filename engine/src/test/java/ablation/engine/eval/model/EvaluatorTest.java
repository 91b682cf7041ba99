package ablation.engine.eval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.Arch;
import ablation.core.config.ConfigLoader;
import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.config.ModelConfig;
import ablation.core.config.RunConfig;
import ablation.core.metric.MetricKeys;
import ablation.core.stats.ProblemCount;
import ablation.engine.benchmark.Problem;
import ablation.engine.eval.ScoredSample;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.model.CodeGenModel;
import ablation.engine.sampling.Completion;
import ablation.engine.sampling.TinyModels;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    static final Tokenizer TOKENIZER = new ByteTokenizer(4);
    static final SandboxOptions SANDBOX = SandboxOptions.defaults().withWorkers(2);
    static final String TEST =
            "\n\ndef check(candidate):\n    assert candidate(2) == 3\n    assert candidate(5) == 6\n";
    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static RunConfig run(String objective) {
        return ConfigLoader.parse("""
                name: tiny
                model: {layers: 2, d_model: 32, heads: 4, rotary_dim: 4, context: 64}
                data: {sources: [{name: python, kind: desk-pl}], desk_seed: 7}
                objective: %s
                """.formatted(objective));
    }

    static EvalConfig eval(String benchmark, EvalMode mode, int n, List<Integer> k, int problems) {
        return new EvalConfig(benchmark, mode, n, k, 0.8, 0.95, 0, 12, problems, 5.0);
    }

    /** A model that writes {@code token} at once, whatever the prompt: every completion is empty. */
    static CodeGenModel emptyWriter(String token) {
        CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 1);
        int id = TOKENIZER.specialId(token);
        TinyModels.only(model, t -> t == id);
        return model;
    }

    @Test
    void verdictsOfTheSampledCompletionsMakeThePassAtK() {
        // an empty completion passes where the prompt is already a whole function, fails where it is a stub
        List<Problem> problems = List.of(
                new Problem("whole", "def inc(x):\n    return x + 1\n", "", "", TEST, "inc"),
                new Problem("stub", "def inc(x):\n", "", "    return x + 1\n", TEST, "inc"));
        try (CodeGenModel model = emptyWriter(Tokenizer.END_OF_TEXT)) {
            AtomicInteger lastExecuted = new AtomicInteger();
            EvalResult result = new Evaluator(model, TOKENIZER, run("{clm: 1.0}"))
                    .evaluate(
                            eval("file", EvalMode.L2R, 3, List.of(1, 3), 0),
                            problems,
                            5,
                            SANDBOX,
                            (sampled, executed, total, tokens) -> lastExecuted.accumulateAndGet(executed, Math::max));
            assertEquals(List.of(new ProblemCount("whole", 3, 3), new ProblemCount("stub", 3, 0)), result.counts());
            assertEquals(0.5, result.passAtK().get(0).value(), 1e-12);
            assertEquals(3, result.passAtK().get(1).k());
            assertEquals(Map.of(Outcome.PASSED, 3, Outcome.SYNTAX, 3), result.outcomes());
            assertEquals(6, result.samples().size());
            assertEquals(6, result.generatedTokens(), "one stop token per sample");
            assertEquals(2, lastExecuted.get(), "progress reports every executed problem");
            assertEquals("l2r", result.promptFormat());
        }
    }

    @Test
    void infillUsesTheTrainedLayoutAndExecutesPrefixMiddleSuffix() {
        List<Problem> problems = List.of(
                new Problem("hole", "def inc(x):\n    y = x + 1\n", "    return y\n", "    y = x + 1\n", TEST, "inc"));
        try (CodeGenModel model = emptyWriter(Tokenizer.END_OF_MASK)) {
            EvalResult codegen2 = new Evaluator(model, TOKENIZER, run("{clm: 0.5, span_corruption: 0.5}"))
                    .evaluate(
                            eval("file", EvalMode.INFILL, 2, List.of(1), 0), problems, 1, SANDBOX, (a, b, c, d) -> {});
            assertEquals("codegen2", codegen2.promptFormat());
            assertEquals(List.of(new ProblemCount("hole", 2, 2)), codegen2.counts());
            EvalResult psm = new Evaluator(
                            model, TOKENIZER, run("{clm: 0.5, fim: 0.5, fim_format: psm_spm, fim_spm_share: 0}"))
                    .evaluate(
                            eval("file", EvalMode.INFILL, 2, List.of(1), 0), problems, 1, SANDBOX, (a, b, c, d) -> {});
            assertEquals("psm", psm.promptFormat());
        }
    }

    @Test
    void deskBenchmarksAreTheRunsHeldOutProblemsAndSamplesRepeatForASeed() {
        // bytes: a desk prompt is a few hundred tokens, so this model has a longer context than TinyModels'
        try (CodeGenModel model = new CodeGenModel(
                new ModelConfig(Arch.CAUSAL, 2, 32, 4, 4, 512, 1e-5, 0.2), TOKENIZER.vocabSize(), manager, 2)) {
            Evaluator evaluator = new Evaluator(model, TOKENIZER, run("{clm: 1.0}"));
            EvalConfig config = eval(Benchmarks.DESK_L2R, EvalMode.L2R, 4, List.of(1, 4), 3);
            assertEquals(
                    Benchmarks.load(Benchmarks.DESK_L2R, 7, ablation.core.config.DeskDifficulty.DEFAULT, 3),
                    evaluator.problems(config));
            EvalResult first = evaluator.evaluate(config, 11, SANDBOX, (a, b, c, d) -> {});
            EvalResult again = evaluator.evaluate(config, 11, SANDBOX, (a, b, c, d) -> {});
            assertEquals(3, first.counts().size());
            assertTrue(first.counts().stream().allMatch(c -> c.n() == 4));
            assertEquals(List.of(), first.trimmedPrompts());
            assertEquals(List.of(), first.unfitProblems());
            List<String> completions =
                    first.scored().stream().map(s -> s.sample().completion()).toList();
            assertEquals(
                    completions,
                    again.scored().stream().map(s -> s.sample().completion()).toList());
            assertTrue(completions.stream().distinct().count() > 1, "sampling at temperature 0.8 varies");
            for (ScoredSample s : first.scored())
                assertTrue(first.counts().stream()
                        .anyMatch(c -> c.taskId().equals(s.sample().taskId())));
        }
    }

    @Test
    void aPromptIsTrimmedOfItsExamplesToFitAndOneThatCannotFitFailsWithoutBeingDropped() {
        // 64 tokens of context less 12 new ones (+1) leave 53: the separator and 52 bytes
        String examples = "def inc(x):\n    \"\"\"Add one.\n    >>> inc(1)\n    2\n    \"\"\"\n";
        String tooLong = "def inc(x):\n    \"\"\"" + "Add one to x. ".repeat(5) + "\"\"\"\n";
        List<Problem> problems = List.of(
                new Problem("whole", "def inc(x):\n    return x + 1\n", "", "", TEST, "inc"),
                new Problem("examples", examples, "", "    return x + 1\n", TEST, "inc"),
                new Problem("long", tooLong, "", "    return x + 1\n", TEST, "inc"));
        try (CodeGenModel model = emptyWriter(Tokenizer.END_OF_TEXT)) {
            EvalResult result = new Evaluator(model, TOKENIZER, run("{clm: 1.0}"))
                    .evaluate(eval("file", EvalMode.L2R, 2, List.of(1), 0), problems, 5, SANDBOX, (a, b, c, d) -> {});
            assertEquals(List.of("examples"), result.trimmedPrompts());
            assertEquals(List.of("long"), result.unfitProblems());
            assertEquals(
                    List.of(
                            new ProblemCount("whole", 2, 2),
                            new ProblemCount("examples", 2, 0),
                            new ProblemCount("long", 2, 0)),
                    result.counts(),
                    "the unfit problem is counted, as failed");
            assertEquals(1 / 3.0, result.passAtK().get(0).value(), 1e-12);
            assertEquals(
                    Map.of(Completion.Finish.STOP_TOKEN, 4, Completion.Finish.PROMPT_TOO_LONG, 2), result.finishes());
            assertEquals(2, result.outcomes().get(Outcome.NOT_RUN));
            List<GeneratedSample> longSamples = result.samples().subList(4, 6);
            assertTrue(longSamples.stream()
                    .allMatch(s -> s.finish() == Completion.Finish.PROMPT_TOO_LONG
                            && s.scored().result().outcome() == Outcome.NOT_RUN
                            && s.scored().sample().taskId().equals("long")));
            assertEquals(
                    Map.of(
                            MetricKeys.PROMPTS_TRIMMED_PREFIX + "file/l2r",
                            1.0,
                            MetricKeys.PROMPTS_UNFIT_PREFIX + "file/l2r",
                            1.0,
                            MetricKeys.FINISH_PREFIX + "stop_token/file/l2r",
                            4.0,
                            MetricKeys.FINISH_PREFIX + "stop_sequence/file/l2r",
                            0.0,
                            MetricKeys.FINISH_PREFIX + "length/file/l2r",
                            0.0,
                            MetricKeys.FINISH_PREFIX + "prompt_too_long/file/l2r",
                            2.0),
                    EvalMetrics.of(result, "file"));
        }
    }

    @Test
    void infillModeOnALeftToRightBenchmarkIsAnError() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 3)) {
            Evaluator evaluator = new Evaluator(model, TOKENIZER, run("{clm: 1.0}"));
            WorkbenchException e = assertThrows(
                    WorkbenchException.class,
                    () -> evaluator.evaluate(
                            eval(Benchmarks.DESK_L2R, EvalMode.INFILL, 1, List.of(1), 1),
                            1,
                            SANDBOX,
                            (a, b, c, d) -> {}));
            assertTrue(e.getMessage().contains("suffix"), e.getMessage());
        }
    }
}
