package ablation.engine.desk;

import ablation.core.config.DeskDifficulty;
import ablation.engine.benchmark.Problem;
import ablation.engine.desk.Inputs.Case;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Every problem's program is on the held-out side of {@link HeldOut}, and distinct from the programs of
 * the problems before it; the first {@code n} problems of a seed do not depend on how many are asked for.
 */
public final class DeskBenchmarks {
    /** Asserts per problem. */
    public static final int TESTS = 5;

    private DeskBenchmarks() {}

    public static List<Problem> l2r(long seed, int count) {
        return l2r(seed, count, DeskDifficulty.DEFAULT);
    }

    public static List<Problem> l2r(long seed, int count, DeskDifficulty difficulty) {
        Generator generator = new Generator(seed, difficulty);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) problems.add(generator.next());
        return problems;
    }

    public static List<Problem> infill(long seed, int count) {
        return infill(seed, count, DeskDifficulty.DEFAULT);
    }

    /** Cut from the left-to-right problems of the same seed, one line each, skipping one-line bodies. */
    public static List<Problem> infill(long seed, int count, DeskDifficulty difficulty) {
        Generator generator = new Generator(seed, difficulty);
        List<Problem> tasks = new ArrayList<>();
        for (int i = 0; tasks.size() < count; i++) {
            Problem whole = generator.next();
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

    /**
     * The stream of problems of one seed. A program already asked earlier in the stream is drawn again
     * (short programs are few), unless the difficulty leaves so few held-out programs that
     * {@value #FRESH_DRAWS} draws find no new one.
     */
    private static final class Generator {
        private static final int FRESH_DRAWS = 50;
        private final long seed;
        private final FunctionSource source;
        private final Set<String> asked = new HashSet<>();
        private int index;

        Generator(long seed, DeskDifficulty difficulty) {
            this.seed = seed;
            this.source = new FunctionSource(difficulty);
        }

        Problem next() {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.PROBLEMS, index));
            for (int draw = 0; ; draw++) {
                DeskFunction f = source.next(rng, true);
                String program = BodyNormalizer.normalize(FunctionWriter.canonicalBody(f.program()));
                if (draw < FRESH_DRAWS && asked.contains(program)) continue;
                List<Case> tests = Inputs.cases(f.program(), rng, TESTS);
                if (tests == null) continue;
                asked.add(program);
                return new Problem("DeskL2R/" + index++, f.prompt(), "", f.body(), check(tests), f.name());
            }
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
