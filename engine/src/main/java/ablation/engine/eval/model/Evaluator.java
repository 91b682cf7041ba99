package ablation.engine.eval.model;

import ablation.core.WorkbenchException;
import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.config.RunConfig;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
import ablation.engine.benchmark.Problem;
import ablation.engine.eval.Sample;
import ablation.engine.eval.ScoreReport;
import ablation.engine.eval.ScoredSample;
import ablation.engine.eval.Scorer;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.model.CodeGenModel;
import ablation.engine.sampling.Completion;
import ablation.engine.sampling.FittedPrompt;
import ablation.engine.sampling.PromptFormat;
import ablation.engine.sampling.Sampler;
import ablation.engine.sampling.SamplingConfig;
import ablation.engine.sampling.StopRule;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Execution-based evaluation of a model (docs/ARCHITECTURE.md, Data flow of a study; Evaluation and
 * the sandbox): for each problem of the benchmark, n completions sampled in one batch, then executed
 * in the sandbox while the next problem is sampled; per-problem (n, c) and pass@k with bootstrap
 * intervals.
 *
 * <pre>
 *   try (LoadedModel loaded = LoadedModel.open(checkpointDir)) {
 *       EvalResult r = new Evaluator(loaded.model(), loaded.tokenizer(), loaded.config())
 *               .evaluate(evalConfig, seed, SandboxOptions.defaults(), progress);
 *   }
 * </pre>
 * Left-to-right prompts are the problem's prompt; infill prompts use the layout the model was
 * trained with ({@link PromptFormat#infillFor}). A prompt that does not fit the context less
 * {@code max_new_tokens} is trimmed ({@link PromptFormat#fit}, signature kept) and counted; one that
 * cannot fit even so is reported as failed, never dropped. Completions end at {@code <eom>},
 * {@code <|endoftext|>}, the mode's stop sequences or (infill-line) the first newline, and are
 * executed as cut.
 */
public final class Evaluator {
    /** Called after each problem is sampled and after each is executed, from two threads: implementations synchronise. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param sampled problems whose samples are generated
         * @param executed problems whose samples are executed
         * @param tokens tokens generated so far
         */
        void update(int sampled, int executed, int problems, long tokens);
    }

    private final CodeGenModel model;
    private final Tokenizer tokenizer;
    private final RunConfig run;

    /** @param run the model's training config: its desk seed picks the desk benchmarks, its objective the infill layout */
    public Evaluator(CodeGenModel model, Tokenizer tokenizer, RunConfig run) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.run = run;
    }

    /** The problems {@code eval} asks for (its benchmark, the first {@code problems} of them). */
    public List<Problem> problems(EvalConfig eval) {
        return Benchmarks.load(
                eval.benchmark(), run.data().deskSeed(), run.data().desk(), eval.problems());
    }

    /** The prompt layout of a mode for this model. */
    public PromptFormat promptFormat(EvalMode mode) {
        return mode.isInfill() ? PromptFormat.infillFor(run.objective()) : PromptFormat.L2R;
    }

    /**
     * Samples, executes and scores one evaluation.
     *
     * @param seed sampling seed: the same model, config and seed give the same samples
     * @param sandbox settings of the sandbox (its timeout is taken from {@code eval.timeout})
     */
    public EvalResult evaluate(EvalConfig eval, long seed, SandboxOptions sandbox, Progress progress) {
        return evaluate(eval, problems(eval), seed, sandbox, progress);
    }

    public EvalResult evaluate(
            EvalConfig eval, List<Problem> problems, long seed, SandboxOptions sandboxOptions, Progress progress) {
        EvalMode mode = eval.mode();
        if (mode.isInfill() && problems.stream().noneMatch(Problem::isInfill)) {
            throw new WorkbenchException("eval[" + eval.benchmark() + "]: mode " + mode.label()
                    + " needs problems with a suffix (an infilling benchmark)");
        }
        PromptFormat format = promptFormat(mode);
        SamplingConfig sampling = SamplingConfig.of(eval);
        StopRule stop = StopRule.of(mode, tokenizer);
        Sampler sampler = new Sampler(model, tokenizer);
        int limit = sampler.promptLimit(eval.maxNewTokens());
        SplittableRandom seeds = new SplittableRandom(seed);

        long started = System.nanoTime();
        long samplingNanos = 0;
        AtomicInteger sampled = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        Map<Completion.Finish, Integer> finishes = new EnumMap<>(Completion.Finish.class);
        List<String> trimmed = new ArrayList<>();
        List<String> unfit = new ArrayList<>();
        List<CompletableFuture<ScoreReport>> scored = new ArrayList<>();
        List<List<Completion.Finish>> finishesByProblem = new ArrayList<>();
        AtomicInteger executed = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eval-execute");
            thread.setDaemon(true);
            return thread;
        });
        try (Sandbox sandbox = Sandbox.open(sandboxOptions.withTimeout(eval.timeout()))) {
            for (int p = 0; p < problems.size(); p++) {
                Problem problem = problems.get(p);
                long sampleSeed = seeds.nextLong();
                long t0 = System.nanoTime();
                FittedPrompt prompt =
                        format.fit(tokenizer, problem.prompt(), mode.isInfill() ? problem.suffix() : "", limit);
                if (prompt == null) {
                    unfit.add(problem.taskId());
                    finishes.merge(Completion.Finish.PROMPT_TOO_LONG, eval.n(), Integer::sum);
                    finishesByProblem.add(Collections.nCopies(eval.n(), Completion.Finish.PROMPT_TOO_LONG));
                    scored.add(CompletableFuture.completedFuture(notRun(problem, eval.n(), mode, limit)));
                    progress.update(
                            sampled.incrementAndGet(), executed.incrementAndGet(), problems.size(), tokens.get());
                    continue;
                }
                if (prompt.trimmed()) trimmed.add(problem.taskId());
                List<Completion> completions = sampler.sample(prompt.ids(), eval.n(), sampling, stop, sampleSeed);
                samplingNanos += System.nanoTime() - t0;
                List<Sample> samples = new ArrayList<>(completions.size());
                List<Completion.Finish> problemFinishes = new ArrayList<>(completions.size());
                for (Completion c : completions) {
                    samples.add(new Sample(problem.taskId(), c.text()));
                    tokens.addAndGet(c.generated());
                    finishes.merge(c.finish(), 1, Integer::sum);
                    problemFinishes.add(c.finish());
                }
                finishesByProblem.add(problemFinishes);
                int sampledNow = sampled.incrementAndGet();
                scored.add(CompletableFuture.supplyAsync(
                        () -> {
                            ScoreReport report = Scorer.score(
                                    List.of(problem),
                                    samples,
                                    mode,
                                    eval.k(),
                                    false,
                                    sandbox,
                                    (d, t) -> {},
                                    IntervalSettings.DEFAULT);
                            progress.update(sampled.get(), executed.incrementAndGet(), problems.size(), tokens.get());
                            return report;
                        },
                        executor));
                progress.update(sampledNow, executed.get(), problems.size(), tokens.get());
            }
            List<ProblemCount> counts = new ArrayList<>();
            List<GeneratedSample> all = new ArrayList<>();
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            for (int p = 0; p < scored.size(); p++) {
                ScoreReport report = join(scored.get(p));
                counts.addAll(report.counts());
                for (int i = 0; i < report.scored().size(); i++) {
                    all.add(new GeneratedSample(
                            report.scored().get(i), finishesByProblem.get(p).get(i)));
                }
                report.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
            }
            List<PassAtKEstimate> passAtK = eval.k().stream()
                    .map(k -> PassAtKEstimate.overProblems(counts, k, IntervalSettings.DEFAULT))
                    .toList();
            return new EvalResult(
                    eval,
                    format.label(),
                    seed,
                    counts,
                    passAtK,
                    all,
                    outcomes,
                    finishes,
                    trimmed,
                    unfit,
                    tokens.get(),
                    samplingNanos / 1e9,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    /** A problem whose prompt cannot fit: n empty samples, none run, none passed. */
    private static ScoreReport notRun(Problem problem, int n, EvalMode mode, int limit) {
        ExecResult result = new ExecResult(
                Outcome.NOT_RUN,
                "the prompt does not fit in " + limit
                        + " tokens (the context less max_new_tokens) even with its doctest examples cut",
                0);
        List<ScoredSample> samples = Collections.nCopies(n, new ScoredSample(new Sample(problem.taskId(), ""), result));
        return new ScoreReport(
                mode,
                1,
                1,
                List.of(new ProblemCount(problem.taskId(), n, 0)),
                List.of(),
                Map.of(Outcome.NOT_RUN, n),
                samples);
    }

    private static ScoreReport join(CompletableFuture<ScoreReport> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
