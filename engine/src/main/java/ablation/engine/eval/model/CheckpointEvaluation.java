package ablation.engine.eval.model;

import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceConfig;
import ablation.core.config.SourceKind;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
import ablation.engine.data.DataPipeline;
import ablation.engine.data.HeldOutDocument;
import ablation.engine.desk.DeskBenchmarks;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.lastword.LastWord;
import ablation.engine.lastword.LastWordResult;
import ablation.engine.sampling.Completion;
import ablation.engine.sampling.LoadedModel;
import ablation.engine.understanding.MinimalPair;
import ablation.engine.understanding.MinimalPairs;
import ablation.engine.understanding.Understanding;
import ablation.engine.understanding.UnderstandingResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything measured on one checkpoint, the one code path behind the study worker's evaluation
 * and {@code workbench eval}: each {@code eval} entry (sampled, executed, pass@k), the L2R ceiling
 * of each desk infill evaluation, bits per byte of the run's held-out documents, the last-word test
 * on its held-out desk prose and the understanding test.
 *
 * <pre>
 *   try (LoadedModel loaded = LoadedModel.open(runDir)) {
 *       CheckpointReport report = CheckpointEvaluation.run(loaded, loaded.config().eval(),
 *               new CheckpointEvaluation.Options(seed, SandboxOptions.defaults(), true, true, true), listener);
 *       report.metrics();   // the scalar metrics by key (EvalMetrics)
 *   }
 * </pre>
 */
public final class CheckpointEvaluation {
    /**
     * @param seed sampling seed and the seed of the understanding test's mutants
     * @param bitsPerByte measure bits per byte of the run's held-out documents
     * @param lastWord run the last-word test on the run's held-out desk prose
     * @param understanding run the understanding test
     */
    public record Options(
            long seed, SandboxOptions sandbox, boolean bitsPerByte, boolean lastWord, boolean understanding) {}

    /** Told what happens, for logs and progress lines. Every method does nothing by default. */
    public interface Listener {
        default void evaluating(EvalConfig eval, int problems) {}

        default Evaluator.Progress progress(EvalConfig eval) {
            return (sampled, executed, problems, tokens) -> {};
        }

        default void evaluated(EvalResult result) {}

        /** A step after the evaluations starts: {@code bits per byte}, {@code last word}, {@code understanding}. */
        default void measuring(String what) {}
    }

    private CheckpointEvaluation() {}

    public static CheckpointReport run(LoadedModel loaded, List<EvalConfig> evals, Options options, Listener listener) {
        RunConfig config = loaded.config();
        Evaluator evaluator = new Evaluator(loaded.model(), loaded.tokenizer(), config);
        List<EvalResult> results = new ArrayList<>();
        for (EvalConfig eval : evals) {
            var problems = evaluator.problems(eval);
            listener.evaluating(eval, problems.size());
            EvalResult result =
                    evaluator.evaluate(eval, problems, options.seed(), options.sandbox(), listener.progress(eval));
            listener.evaluated(result);
            results.add(result);
        }
        List<EvalResult> ceilings = ceilings(results);
        Map<String, Double> bits = Map.of();
        LastWordResult lastWord = null;
        if (options.bitsPerByte() || options.lastWord()) {
            List<HeldOutDocument> heldOut = DataPipeline.prepare(
                            config, loaded.tokenizer(), config.train().seed())
                    .heldOut();
            if (options.bitsPerByte()) {
                listener.measuring("bits per byte");
                bits = BitsPerByte.of(loaded.model(), loaded.tokenizer(), heldOut);
            }
            List<String> prose = prose(config, heldOut);
            if (options.lastWord() && !prose.isEmpty()) {
                listener.measuring("last word");
                lastWord = LastWord.measure(
                        loaded.model(),
                        loaded.tokenizer(),
                        LastWord.items(prose, config.data().deskSeed()));
            }
        }
        UnderstandingResult understanding = null;
        if (options.understanding()) {
            listener.measuring("understanding");
            List<MinimalPair> pairs;
            try (Sandbox sandbox = Sandbox.open(options.sandbox())) {
                pairs = MinimalPairs.of(
                        Understanding.problems(
                                config.data().deskSeed(), config.data().desk()),
                        sandbox,
                        options.seed());
            }
            understanding = Understanding.measure(loaded.model(), loaded.tokenizer(), pairs);
        }
        return new CheckpointReport(
                loaded.checkpoint().state().step(), results, ceilings, bits, lastWord, understanding);
    }

    /** The held-out documents of the run's desk prose sources (whatever their weight): the last-word test's text. */
    private static List<String> prose(RunConfig config, List<HeldOutDocument> heldOut) {
        Set<String> names = config.data().sources().stream()
                .filter(s -> s.kind() == SourceKind.DESK_NL)
                .map(SourceConfig::name)
                .collect(Collectors.toSet());
        return heldOut.stream()
                .filter(d -> names.contains(d.source()))
                .map(HeldOutDocument::text)
                .toList();
    }

    /**
     * For each evaluation on {@code desk-infill} (in any infill mode), the {@code desk-l2r} evaluation
     * of the same run (at the same temperature where there is one) restricted to the problems the infill tasks were cut from, under the benchmark
     * name {@link EvalMetrics#ceilingBenchmark}: how well the model writes those functions left to right.
     * Left out when no {@code desk-l2r} evaluation covers every one of those problems.
     */
    static List<EvalResult> ceilings(List<EvalResult> results) {
        List<EvalResult> l2rs = results.stream()
                .filter(r -> r.config().benchmark().equals(Benchmarks.DESK_L2R) && r.mode() == EvalMode.L2R)
                .toList();
        if (l2rs.isEmpty()) return List.of();
        Map<String, EvalResult> byBenchmark = new LinkedHashMap<>();
        for (EvalResult infill : results) {
            if (!infill.config().benchmark().equals(Benchmarks.DESK_INFILL)
                    || !infill.mode().isInfill()) continue;
            // sampled as the infill tasks were (same temperature), where the run did so
            EvalResult l2r = l2rs.stream()
                    .filter(r -> r.config().temperature() == infill.config().temperature())
                    .findFirst()
                    .orElse(l2rs.get(0));
            Set<String> sources = new LinkedHashSet<>();
            infill.counts().forEach(c -> sources.add(DeskBenchmarks.l2rTaskId(c.taskId())));
            EvalResult ceiling = restrict(l2r, sources, EvalMetrics.ceilingBenchmark(Benchmarks.DESK_INFILL));
            if (ceiling != null) byBenchmark.putIfAbsent(ceiling.config().benchmark(), ceiling);
        }
        return List.copyOf(byBenchmark.values());
    }

    /** {@code result} on the problems {@code taskIds} only, renamed {@code benchmark}; null unless it holds them all. */
    private static EvalResult restrict(EvalResult result, Set<String> taskIds, String benchmark) {
        List<ProblemCount> counts = result.counts().stream()
                .filter(c -> taskIds.contains(c.taskId()))
                .toList();
        if (counts.size() != taskIds.size()) return null;
        List<GeneratedSample> samples = result.samples().stream()
                .filter(s -> taskIds.contains(s.scored().sample().taskId()))
                .toList();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<Completion.Finish, Integer> finishes = new EnumMap<>(Completion.Finish.class);
        for (GeneratedSample s : samples) {
            outcomes.merge(s.scored().result().outcome(), 1, Integer::sum);
            finishes.merge(s.finish(), 1, Integer::sum);
        }
        EvalConfig c = result.config();
        EvalConfig renamed = new EvalConfig(
                benchmark,
                c.mode(),
                c.n(),
                c.k(),
                c.temperature(),
                c.topP(),
                c.topK(),
                c.maxNewTokens(),
                counts.size(),
                c.timeout());
        return new EvalResult(
                renamed,
                result.promptFormat(),
                result.seed(),
                counts,
                c.k().stream()
                        .map(k -> PassAtKEstimate.overProblems(counts, k, IntervalSettings.DEFAULT))
                        .toList(),
                samples,
                outcomes,
                finishes,
                result.trimmedPrompts().stream().filter(taskIds::contains).toList(),
                result.unfitProblems().stream().filter(taskIds::contains).toList(),
                0,
                0,
                0);
    }
}
