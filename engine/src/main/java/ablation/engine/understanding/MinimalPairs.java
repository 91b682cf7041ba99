package ablation.engine.understanding;

import ablation.engine.benchmark.Problem;
import ablation.engine.desk.BodyNormalizer;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Builds the minimal pairs of the understanding test from execution-checked problems. */
public final class MinimalPairs {
    /** Mutants tried per problem (in a seeded random order). */
    private static final int CANDIDATES = 6;
    /** Pairs a problem gives at most: an easy desk suite has few programs, so one pair each would be too few. */
    static final int MUTANTS_PER_PROBLEM = 3;

    private MinimalPairs() {}

    /**
     * Up to {@value #MUTANTS_PER_PROBLEM} pairs per problem whose canonical solution passes its
     * tests: its mutants that run but fail them (a wrong answer or an exception, not a syntax
     * error), the first such among a seeded random choice of candidates. The same problems and seed
     * give the same pairs.
     */
    public static List<MinimalPair> of(List<Problem> problems, Sandbox sandbox, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<String> programs = new ArrayList<>();
        List<List<Mutations.Mutant>> candidates = new ArrayList<>();
        for (Problem problem : problems) {
            List<Mutations.Mutant> mutants = new ArrayList<>(Mutations.of(problem.canonicalSolution()));
            Collections.shuffle(mutants, new Random(root.nextLong()));
            List<Mutations.Mutant> tried = mutants.subList(0, Math.min(CANDIDATES, mutants.size()));
            candidates.add(tried);
            programs.add(problem.program(problem.canonicalSolution()));
            for (Mutations.Mutant mutant : tried) programs.add(problem.program(mutant.body()));
        }
        List<ExecResult> results = sandbox.run(programs);
        List<MinimalPair> pairs = new ArrayList<>();
        int at = 0;
        for (int p = 0; p < problems.size(); p++) {
            Problem problem = problems.get(p);
            boolean originalPasses = results.get(at++).passed();
            List<Mutations.Mutant> chosen = new ArrayList<>();
            for (Mutations.Mutant mutant : candidates.get(p)) {
                Outcome outcome = results.get(at++).outcome();
                boolean wrongButRuns = outcome == Outcome.ASSERTION || outcome == Outcome.EXCEPTION;
                if (chosen.size() < MUTANTS_PER_PROBLEM && wrongButRuns) chosen.add(mutant);
            }
            if (!originalPasses) continue;
            for (Mutations.Mutant mutant : chosen) {
                pairs.add(new MinimalPair(
                        problem.taskId(),
                        problem.prompt(),
                        problem.canonicalSolution(),
                        mutant.body(),
                        mutant.kind().label(),
                        BodyNormalizer.normalize(problem.canonicalSolution())));
            }
        }
        return pairs;
    }
}
