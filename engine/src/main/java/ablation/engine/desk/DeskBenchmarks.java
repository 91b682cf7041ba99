package ablation.engine.desk;

import ablation.engine.benchmark.Problem;
import ablation.engine.desk.Inputs.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * The held-out benchmarks of the desk suite, deterministic from a seed.
 *
 * <ul>
 *   <li>{@code desk-l2r}: HumanEval-format problems ({@code DeskL2R/i}): prompt = signature and
 *       docstring, canonical solution = body, a {@code check(candidate)} with {@value #TESTS} asserts
 *       whose expected values are computed in Java from the fragments' semantics.</li>
 *   <li>{@code desk-infill}: HumanEval-SingleLineInfilling-format tasks ({@code DeskInfill/i/Lj}): line
 *       {@code j} of the body of problem {@code i} is the middle (with its newline), the prompt and the
 *       lines before it the prefix, the lines after it the suffix.</li>
 * </ul>
 *
 * Every problem's program is on the held-out side of {@link HeldOut}; the first {@code n} problems of
 * a seed do not depend on how many are asked for.
 */
public final class DeskBenchmarks {
    /** Asserts per problem. */
    public static final int TESTS = 5;

    private DeskBenchmarks() {}

    public static List<Problem> l2r(long seed, int count) {
        return l2r(seed, count, DeskDifficulty.DEFAULT);
    }

    public static List<Problem> l2r(long seed, int count, DeskDifficulty difficulty) {
        FunctionSource source = new FunctionSource(difficulty);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) problems.add(problem(source, seed, i));
        return problems;
    }

    public static List<Problem> infill(long seed, int count) {
        return infill(seed, count, DeskDifficulty.DEFAULT);
    }

    /** Cut from the left-to-right problems of the same seed, one line each, skipping one-line bodies. */
    public static List<Problem> infill(long seed, int count, DeskDifficulty difficulty) {
        FunctionSource source = new FunctionSource(difficulty);
        List<Problem> tasks = new ArrayList<>();
        for (int i = 0; tasks.size() < count; i++) {
            Problem whole = problem(source, seed, i);
            String[] lines = whole.canonicalSolution().split("(?<=\n)");
            if (lines.length < 2) continue;
            // never the last line: HumanEval-Infilling tasks have a non-empty suffix
            int cut = new SplittableRandom(Seeds.derive(seed, Seeds.INFILL_LINES, i)).nextInt(lines.length - 1);
            StringBuilder prefix = new StringBuilder(whole.prompt());
            StringBuilder suffix = new StringBuilder();
            for (int j = 0; j < lines.length; j++) {
                if (j < cut) prefix.append(lines[j]);
                else if (j > cut) suffix.append(lines[j]);
            }
            tasks.add(new Problem("DeskInfill/" + i + "/L" + cut, prefix.toString(), suffix.toString(), lines[cut],
                    whole.test(), whole.entryPoint()));
        }
        return tasks;
    }

    private static Problem problem(FunctionSource source, long seed, int index) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.PROBLEMS, index));
        while (true) {
            DeskFunction f = source.next(rng, true);
            List<Case> tests = Inputs.cases(f.program(), rng, TESTS);
            if (tests != null) return new Problem("DeskL2R/" + index, f.prompt(), "", f.body(), check(tests), f.name());
        }
    }

    private static String check(List<Case> tests) {
        StringBuilder out = new StringBuilder("\n\ndef check(candidate):\n");
        for (Case c : tests) {
            StringJoiner args = new StringJoiner(", ");
            for (Object arg : c.args()) args.add(PyLiterals.repr(arg));
            out.append("    assert candidate(").append(args).append(") == ").append(PyLiterals.repr(c.result())).append('\n');
        }
        return out.toString();
    }
}
