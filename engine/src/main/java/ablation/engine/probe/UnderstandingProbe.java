package ablation.engine.probe;

import ablation.engine.benchmark.Problem;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.model.CodeGenModel;
import ablation.engine.sampling.PromptFormat;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * How well a model's representations tell correct code from subtly broken code: the desk analogue
 * of the defect-detection task the CodeGen2 paper uses to question prefix-LM (lesson 1). Held-out
 * functions (the desk-l2r problems, prompt + canonical body) are paired with a mutant each (an
 * operator, a constant or a line changed, checked in the sandbox to compile and fail the tests); a
 * logistic regression on the mean-pooled final hidden states ({@link PooledStates}) is fitted on half
 * of the pairs and its accuracy measured on the other half. Both copies of a pair are on the same
 * side, so the test set holds functions the classifier never saw in either form.
 *
 * <pre>
 *   List&lt;FunctionPair&gt; pairs = UnderstandingProbe.pairs(DeskBenchmarks.l2r(deskSeed, 200), sandbox, seed);
 *   ProbeResult r = UnderstandingProbe.run(model, tokenizer, pairs, seed);   // r.accuracy(), 0.5 = chance
 * </pre>
 */
public final class UnderstandingProbe {
    /** Desk problems used by default. */
    public static final int DEFAULT_PROBLEMS = 200;
    static final double L2 = 1e-2;
    static final int ITERATIONS = 300;
    static final double LEARNING_RATE = 0.5;
    /** Mutants tried per problem (in a seeded random order) before the problem is left out. */
    private static final int CANDIDATES = 6;

    private UnderstandingProbe() {}

    /**
     * One pair per problem whose canonical solution passes its tests and that has a mutant which
     * compiles but fails them; the mutant is the first such among a seeded random choice of
     * candidates. The same problems and seed give the same pairs.
     */
    public static List<FunctionPair> pairs(List<Problem> problems, Sandbox sandbox, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<String> programs = new ArrayList<>();
        List<List<String>> candidates = new ArrayList<>();
        for (Problem problem : problems) {
            List<String> mutants = new ArrayList<>(Mutations.of(problem.canonicalSolution()));
            Collections.shuffle(mutants, new Random(root.nextLong()));
            List<String> tried = mutants.subList(0, Math.min(CANDIDATES, mutants.size()));
            candidates.add(tried);
            programs.add(problem.program(problem.canonicalSolution()));
            for (String mutant : tried) programs.add(problem.program(mutant));
        }
        List<ExecResult> results = sandbox.run(programs);
        List<FunctionPair> pairs = new ArrayList<>();
        int at = 0;
        for (int p = 0; p < problems.size(); p++) {
            Problem problem = problems.get(p);
            boolean originalPasses = results.get(at++).passed();
            String chosen = null;
            for (String mutant : candidates.get(p)) {
                Outcome outcome = results.get(at++).outcome();
                boolean wrongButRuns = outcome == Outcome.ASSERTION || outcome == Outcome.EXCEPTION;
                if (chosen == null && wrongButRuns) chosen = mutant;
            }
            if (originalPasses && chosen != null) {
                pairs.add(new FunctionPair(problem.taskId(), problem.prompt() + problem.canonicalSolution(), problem.prompt() + chosen));
            }
        }
        return pairs;
    }

    /** Fits the probe on a seeded half of the pairs and tests it on the other half. */
    public static ProbeResult run(CodeGenModel model, Tokenizer tokenizer, List<FunctionPair> pairs, long seed) {
        if (pairs.size() < 4) throw new IllegalArgumentException("the probe needs at least 4 function pairs, got " + pairs.size());
        List<FunctionPair> shuffled = new ArrayList<>(pairs);
        Collections.shuffle(shuffled, new Random(seed));
        int trainPairs = shuffled.size() / 2;
        double[][] features = new double[2 * shuffled.size()][];
        int[] labels = new int[features.length];
        try (PooledStates states = new PooledStates(model)) {
            for (int i = 0; i < shuffled.size(); i++) {
                features[2 * i] = states.of(document(tokenizer, shuffled.get(i).original()));
                features[2 * i + 1] = states.of(document(tokenizer, shuffled.get(i).mutant()));
                labels[2 * i + 1] = 1;
            }
        }
        int split = 2 * trainPairs;
        double[][] trainX = Arrays.copyOfRange(features, 0, split);
        int[] trainY = Arrays.copyOfRange(labels, 0, split);
        double[][] testX = Arrays.copyOfRange(features, split, features.length);
        int[] testY = Arrays.copyOfRange(labels, split, labels.length);
        LogisticRegression probe = LogisticRegression.fit(trainX, trainY, L2, ITERATIONS, LEARNING_RATE);
        return new ProbeResult(probe.accuracy(testX, testY), probe.accuracy(trainX, trainY), trainX.length, testX.length);
    }

    /** A function as the model saw documents in training: after an {@code <|endoftext|>}. */
    private static int[] document(Tokenizer tokenizer, String text) {
        return PromptFormat.L2R.render(tokenizer, text, "", Integer.MAX_VALUE);
    }
}
