package ablation.engine.understanding;

import ablation.core.WorkbenchException;
import ablation.core.config.DeskDifficulty;
import ablation.core.stats.Bootstrap;
import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalSettings;
import ablation.engine.benchmark.Problem;
import ablation.engine.desk.BodyNormalizer;
import ablation.engine.desk.DeskBenchmarks;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Does the model know correct code from subtly broken code? The desk analogue of the
 * defect-detection task that CodeGen2 uses to question prefix-LM (lesson 1), as a minimal-pair test
 * in the manner of BLiMP: for each held-out function, the model's loss on its canonical body and on
 * a mutant of it ({@link MinimalPairs}), both given the same prompt (signature and docstring with
 * its examples); the model is right on a pair when the canonical body has the lower loss. Accuracy
 * over pairs, 0.5 being chance, with a bootstrap interval that resamples programs (a desk program is
 * rendered in several problems, so its pairs are not independent).
 *
 * <p>The loss of a body is the <em>sum</em> of its tokens' negative log-likelihoods, i.e. minus the
 * log-probability of the whole body: the two bodies differ in one operator, constant or argument
 * order, but not always in token count, and the question is which body the model finds more
 * likely, not which has the likelier average token (a mean would reward a mutant that tokenises
 * into more, easier tokens). Prompt and body are tokenised separately, as at sampling time, after
 * the {@code <|endoftext|>} that starts every document. A prefix-LM reads the prompt as its
 * bidirectional prefix, as it does when it samples.
 *
 * <pre>
 *   List&lt;MinimalPair&gt; pairs = MinimalPairs.of(DeskBenchmarks.l2r(deskSeed, 400, difficulty), sandbox, seed);
 *   UnderstandingResult r = Understanding.measure(model, tokenizer, pairs);   // r.accuracy().value()
 * </pre>
 */
public final class Understanding {
    /** Held-out desk problems of a run's seed the test looks at (each gives up to three pairs). */
    public static final int DEFAULT_PROBLEMS = 400;
    /**
     * Renderings of one program the test takes at most. An easy desk suite has few held-out programs
     * (45 in the quick study's) and renders the likeliest ones again and again (one in four of its
     * first 400 problems is the same program): without a cap a few programs would make the score.
     */
    public static final int MAX_PER_PROGRAM = 16;

    private Understanding() {}

    /**
     * The problems of the test for a run's desk suite: those of the first {@value #DEFAULT_PROBLEMS}
     * held-out problems of its seed that are among the first {@value #MAX_PER_PROGRAM} renderings of
     * their program.
     */
    public static List<Problem> problems(long deskSeed, DeskDifficulty difficulty) {
        Map<String, Integer> renderings = new HashMap<>();
        List<Problem> chosen = new ArrayList<>();
        for (Problem problem : DeskBenchmarks.l2r(deskSeed, DEFAULT_PROBLEMS, difficulty)) {
            if (renderings.merge(BodyNormalizer.normalize(problem.canonicalSolution()), 1, Integer::sum)
                    <= MAX_PER_PROGRAM) {
                chosen.add(problem);
            }
        }
        return chosen;
    }

    public static UnderstandingResult measure(CodeGenModel model, Tokenizer tokenizer, List<MinimalPair> pairs) {
        Map<String, double[]> byProgram = new LinkedHashMap<>(); // program -> {pairs, right}
        Map<String, int[]> byKind = new TreeMap<>();
        double margin = 0;
        int scored = 0;
        int right = 0;
        // the pairs of one problem share its prompt and body: one forward pass scores the body and its mutants
        Map<String, List<MinimalPair>> byProblem = new LinkedHashMap<>();
        for (MinimalPair pair : pairs)
            byProblem
                    .computeIfAbsent(pair.prompt() + "\u0000" + pair.body(), k -> new ArrayList<>())
                    .add(pair);
        for (List<MinimalPair> group : byProblem.values()) {
            int[] prompt = promptIds(tokenizer, group.get(0).prompt());
            List<int[]> bodies =
                    new ArrayList<>(List.of(tokenizer.encode(group.get(0).body())));
            List<MinimalPair> fitting = new ArrayList<>();
            for (MinimalPair pair : group) {
                int[] mutant = tokenizer.encode(pair.mutant());
                if (prompt.length + Math.max(bodies.get(0).length, mutant.length) - 1
                        > model.config().context()) continue;
                fitting.add(pair);
                bodies.add(mutant);
            }
            if (fitting.isEmpty()) continue;
            double[] losses = model.continuationLosses(prompt, bodies); // [body, mutant 1, mutant 2, ...]
            for (int i = 0; i < fitting.size(); i++) {
                MinimalPair pair = fitting.get(i);
                double difference = losses[i + 1] - losses[0];
                // a tie (never seen with float losses) counts as half right
                double score = difference > 0 ? 1 : difference < 0 ? 0 : 0.5;
                scored++;
                right += score == 1 ? 1 : 0;
                margin += difference;
                double[] program = byProgram.computeIfAbsent(pair.program(), p -> new double[2]);
                program[0]++;
                program[1] += score;
                int[] kind = byKind.computeIfAbsent(pair.kind(), k -> new int[2]);
                kind[0]++;
                kind[1] += score == 1 ? 1 : 0;
            }
        }
        if (scored == 0) {
            throw new WorkbenchException("the understanding test has no pair that fits the context of "
                    + model.config().context() + " tokens (" + pairs.size() + " pairs)");
        }
        Map<String, Double> accuracyByKind = new TreeMap<>();
        byKind.forEach((kind, counts) -> accuracyByKind.put(kind, (double) counts[1] / counts[0]));
        return new UnderstandingResult(
                overPrograms(List.copyOf(byProgram.values())),
                scored,
                byProgram.size(),
                pairs.size() - scored,
                accuracyByKind,
                margin / scored);
    }

    /**
     * The share with its percentile bootstrap interval, resampling programs with all their pairs
     * ({@link IntervalSettings#DEFAULT}): the spread of the accuracy over another draw of held-out
     * programs (pairs of one program are not independent).
     */
    private static Estimate overPrograms(List<double[]> programs) {
        double[] pairs = programs.stream().mapToDouble(p -> p[0]).toArray();
        double[] right = programs.stream().mapToDouble(p -> p[1]).toArray();
        return new Bootstrap(IntervalSettings.DEFAULT).ratio(right, pairs);
    }

    /** {@code <|endoftext|>} and the prompt's tokens. */
    private static int[] promptIds(Tokenizer tokenizer, String prompt) {
        int[] text = tokenizer.encode(prompt);
        int[] ids = new int[text.length + 1];
        ids[0] = tokenizer.specialId(Tokenizer.END_OF_TEXT);
        System.arraycopy(text, 0, ids, 1, text.length);
        return ids;
    }
}
