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
 *   <li>{@code desk-infill}: HumanEval-Infilling-format tasks cut from every {@code desk-l2r} problem,
 *       so both benchmarks hold the same problems (task {@code DeskInfill/i/...} is problem
 *       {@code DeskL2R/i}, see {@link #l2rTaskId}). In a one-line body {@code return EXPR} the middle is
 *       {@code " EXPR"} ({@code DeskInfill/i/R}; the prefix ends in {@code "return"}, the suffix is the
 *       newline); in a longer body a whole line {@code j}, never the last, is the middle with its newline
 *       ({@code DeskInfill/i/Lj}; the prompt and the lines before it are the prefix, the lines after it
 *       the suffix). The prompt's docstring and doctest examples stay whole.</li>
 * </ul>
 *
 * Every problem's program is on the held-out side of {@link HeldOut}, and distinct from the programs of
 * the problems before it; the first {@code n} problems of a seed do not depend on how many are asked for.
 */
public final class DeskBenchmarks {
    /** Asserts per problem. */
    public static final int TESTS = 5;

    private static final String L2R_PREFIX = "DeskL2R";
    private static final String INFILL_PREFIX = "DeskInfill";
    private static final String RETURN = "return ";

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

    /** One task cut from each left-to-right problem of the same seed, in the same order. */
    public static List<Problem> infill(long seed, int count, DeskDifficulty difficulty) {
        List<Problem> tasks = new ArrayList<>();
        List<Problem> wholes = l2r(seed, count, difficulty);
        for (int i = 0; i < wholes.size(); i++) tasks.add(infillTask(seed, i, wholes.get(i)));
        return tasks;
    }

    /** The {@code desk-l2r} problem a {@code desk-infill} task was cut from ({@code DeskInfill/7/L1} → {@code DeskL2R/7}). */
    public static String l2rTaskId(String infillTaskId) {
        String[] parts = infillTaskId.split("/");
        if (parts.length != 3 || !parts[0].equals(INFILL_PREFIX)) {
            throw new IllegalArgumentException("not a desk-infill task id: " + infillTaskId);
        }
        return L2R_PREFIX + "/" + parts[1];
    }

    private static Problem infillTask(long seed, int index, Problem whole) {
        String[] lines = whole.canonicalSolution().split("(?<=\n)");
        String only = lines[0];
        int returnAt = only.indexOf(RETURN);
        if (lines.length == 1 && returnAt >= 0 && only.substring(0, returnAt).isBlank()) {
            // the prefix ends at "return", the middle starts with the space: BPE joins a space to the word after
            // it, so a prefix ending in a bare space would ask for a token split the model never saw
            String head = only.substring(0, returnAt + RETURN.length() - 1);
            String expression = only.substring(head.length(), only.length() - 1);
            return new Problem(
                    INFILL_PREFIX + "/" + index + "/R",
                    whole.prompt() + head,
                    "\n",
                    expression,
                    whole.test(),
                    whole.entryPoint());
        }
        if (lines.length == 1) { // not a return: the line without its newline is the middle
            return new Problem(
                    INFILL_PREFIX + "/" + index + "/L0",
                    whole.prompt(),
                    "\n",
                    only.substring(0, only.length() - 1),
                    whole.test(),
                    whole.entryPoint());
        }
        // never the last line: HumanEval-Infilling tasks have a non-empty suffix
        int cut = new SplittableRandom(Seeds.derive(seed, Seeds.INFILL_LINES, index)).nextInt(lines.length - 1);
        StringBuilder prefix = new StringBuilder(whole.prompt());
        StringBuilder suffix = new StringBuilder();
        for (int j = 0; j < lines.length; j++) {
            if (j < cut) prefix.append(lines[j]);
            else if (j > cut) suffix.append(lines[j]);
        }
        return new Problem(
                INFILL_PREFIX + "/" + index + "/L" + cut,
                prefix.toString(),
                suffix.toString(),
                lines[cut],
                whole.test(),
                whole.entryPoint());
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
                return new Problem(L2R_PREFIX + "/" + index++, f.prompt(), "", f.body(), check(tests), f.name());
            }
        }
    }

    private static String check(List<Case> tests) {
        StringBuilder out = new StringBuilder("\n\ndef check(candidate):\n");
        for (Case c : tests) {
            StringJoiner args = new StringJoiner(", ");
            for (Object arg : c.args()) args.add(PyLiterals.repr(arg));
            out.append("    assert candidate(")
                    .append(args)
                    .append(") == ")
                    .append(PyLiterals.repr(c.result()))
                    .append('\n');
        }
        return out.toString();
    }
}
