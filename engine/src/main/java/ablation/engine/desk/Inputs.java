package ablation.engine.desk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws arguments for a program and finds test cases: inputs on which the function is defined and whose
 * outputs tell a right body from a wrong one (not all outputs equal, and not always the input itself).
 */
final class Inputs {
    private Inputs() {}

    /** Input words: short, lowercase ASCII, with repeated letters so that character constants hit. */
    private static final List<String> WORDS = List.of(
            "apple", "sky", "river", "cat", "dog", "tree", "code", "data", "moon", "sun", "red", "blue", "green", "a",
            "an", "is", "of", "stone", "echo", "idea", "orbit", "banana", "kiwi", "lamp", "zebra", "ant", "owl", "ice",
            "under", "over", "tea", "rain", "star", "note", "sea", "salt", "tin", "rose", "nest", "train");

    /** One test case: the arguments and the result the function must return. */
    record Case(List<Object> args, Object result) {}

    /** Draws until a batch of {@code count} cases with distinct arguments discriminates; null if the program seems degenerate. */
    static List<Case> cases(Program program, SplittableRandom rng, int count) {
        for (int attempt = 0; attempt < 8; attempt++) {
            List<Case> cases = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int tries = 0; cases.size() < count && tries < 10 * count; tries++) {
                List<Object> args = arguments(program, rng);
                if (!seen.add(PyLiterals.repr(args))) continue;
                try {
                    cases.add(new Case(args, program.run(args)));
                } catch (ArithmeticException outOfRange) {
                    // integers the tests cannot use (overflow, a huge range): draw other arguments
                }
            }
            if (cases.size() == count && discriminates(program, cases)) return cases;
        }
        return null;
    }

    private static boolean discriminates(Program program, List<Case> cases) {
        Set<String> outputs = new HashSet<>();
        boolean changesInput = false;
        for (Case c : cases) {
            String out = PyLiterals.repr(c.result());
            outputs.add(out);
            changesInput |= !out.equals(PyLiterals.repr(c.args().get(0)));
        }
        boolean sameType = program.output() == program.input();
        return outputs.size() >= 2 && (!sameType || changesInput);
    }

    static List<Object> arguments(Program program, SplittableRandom rng) {
        List<Object> args = new ArrayList<>();
        if (program.input() == PyType.INT_PAIR) {
            args.add(integer(rng));
            args.add(integer(rng));
        } else {
            args.add(value(program.input(), rng));
        }
        for (Step s : program.steps()) {
            if (s.lifted()) {
                List<Object> values = s.fragment().constant().values();
                args.add(values.get(rng.nextInt(values.size())));
            }
        }
        return args;
    }

    private static Object value(PyType type, SplittableRandom rng) {
        return switch (type) {
            case INT -> integer(rng);
            case INTS -> integers(rng);
            case STR -> text(rng);
            case STRS -> words(rng);
            default -> throw new IllegalArgumentException("no inputs of type " + type);
        };
    }

    private static Long integer(SplittableRandom rng) {
        return (long) rng.nextInt(-9, 41);
    }

    private static List<Object> integers(SplittableRandom rng) {
        int size = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(8);
        List<Object> xs = new ArrayList<>();
        for (int i = 0; i < size; i++) xs.add((long) rng.nextInt(-4, 16));
        return xs;
    }

    private static String text(SplittableRandom rng) {
        int size = rng.nextInt(12) == 0 ? 0 : 1 + rng.nextInt(5);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) out.append(' ');
            int kind = rng.nextInt(20);
            String w = WORDS.get(rng.nextInt(WORDS.size()));
            if (kind < 3) out.append(rng.nextInt(100));
            else if (kind < 6) out.append(capitalized(w));
            else out.append(w);
        }
        return out.toString();
    }

    private static List<Object> words(SplittableRandom rng) {
        List<String> vocabulary = new ArrayList<>();
        while (vocabulary.size() < 5) {
            String w = WORDS.get(rng.nextInt(WORDS.size()));
            if (!vocabulary.contains(w)) vocabulary.add(rng.nextInt(7) == 0 ? capitalized(w) : w);
        }
        int size = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(7);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < size; i++) out.add(vocabulary.get(rng.nextInt(vocabulary.size())));
        return out;
    }

    private static String capitalized(String w) {
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
