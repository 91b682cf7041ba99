package ablation.engine.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-site mutants of a Python function body, the kind of bug a reader who understands the code
 * should catch: an operator (or a builtin or method for a related one) or a comparison swapped, an
 * integer constant changed by one, the two arguments of a call swapped. Whether a mutant really changes behaviour is not decided here (a swap
 * may hit an equivalent form): {@link MinimalPairs} runs each candidate against the problem's tests
 * and keeps one that fails them.
 */
final class Mutations {
    /** What a mutant changes. */
    enum Kind {
        OPERATOR,
        COMPARISON,
        CONSTANT,
        SWAPPED_ARGUMENTS;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A mutated body and the kind of its change. */
    record Mutant(Kind kind, String body) {}

    /**
     * Arithmetic and boolean operators, and builtins or methods that do a related but different
     * thing. Every swap replaces a word or symbol by one of its kind and never deletes one: the test
     * sums a body's token losses, so a mutant shorter than its original would win on length alone
     * (an untrained model would prefer it).
     */
    private static final String[][] OPERATORS = {
        {" + ", " - "},
        {" - ", " + "},
        {" * ", " + "},
        {" // ", " * "},
        {" % ", " // "},
        {" and ", " or "},
        {" or ", " and "},
        {"+=", "-="},
        {"-=", "+="},
        {"min(", "max("},
        {"max(", "min("},
        {"True", "False"},
        {"False", "True"},
        {".upper()", ".lower()"},
        {".lower()", ".upper()"},
        {"any(", "all("},
        {"all(", "any("},
        {".startswith(", ".endswith("},
        {".endswith(", ".startswith("},
        {".capitalize()", ".lower()"},
        {"abs(", "int("},
        {"sorted(", "reversed("},
    };

    private static final String[][] COMPARISONS = {
        {" < ", " > "}, {" > ", " < "}, {" <= ", " >= "}, {" >= ", " <= "}, {" == ", " != "}, {" != ", " == "},
    };
    /** An integer literal that is not part of a name or a float. */
    private static final Pattern INTEGER = Pattern.compile("(?<![\\w.])\\d+(?![\\w.])");
    /** A call (or subscript-free tuple) with exactly two simple arguments: {@code f(a, b)}. */
    private static final Pattern TWO_ARGUMENTS = Pattern.compile("\\(([\\w.']+), ([\\w.']+)\\)");

    private Mutations() {}

    /** Every candidate, in a fixed order: operators, comparisons, constants, swapped arguments. */
    static List<Mutant> of(String body) {
        List<Mutant> mutants = new ArrayList<>();
        swaps(body, OPERATORS, Kind.OPERATOR, mutants);
        swaps(body, COMPARISONS, Kind.COMPARISON, mutants);
        Matcher integer = INTEGER.matcher(body);
        while (integer.find()) {
            long value = Long.parseLong(integer.group());
            mutants.add(new Mutant(
                    Kind.CONSTANT, body.substring(0, integer.start()) + (value + 1) + body.substring(integer.end())));
        }
        Matcher pair = TWO_ARGUMENTS.matcher(body);
        while (pair.find()) {
            if (pair.group(1).equals(pair.group(2))) continue;
            mutants.add(new Mutant(
                    Kind.SWAPPED_ARGUMENTS,
                    body.substring(0, pair.start()) + "(" + pair.group(2) + ", " + pair.group(1) + ")"
                            + body.substring(pair.end())));
        }
        return mutants;
    }

    private static void swaps(String body, String[][] swaps, Kind kind, List<Mutant> into) {
        for (String[] swap : swaps) {
            for (int at = body.indexOf(swap[0]); at >= 0; at = body.indexOf(swap[0], at + 1)) {
                into.add(new Mutant(kind, body.substring(0, at) + swap[1] + body.substring(at + swap[0].length())));
            }
        }
    }
}
