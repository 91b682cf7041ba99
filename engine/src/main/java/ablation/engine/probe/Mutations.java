package ablation.engine.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-site mutants of a Python function body, the kind of bug a defect detector should catch:
 * an operator swapped, an integer constant changed by one, a line dropped. Whether a mutant really
 * changes behaviour is not decided here (a swap may hit dead code or an equivalent form): the probe
 * runs each candidate against the problem's tests and keeps one that fails them.
 */
final class Mutations {
    /** Textual swaps, each applied at one occurrence at a time. */
    private static final String[][] SWAPS = {
            {" + ", " - "}, {" - ", " + "}, {" * ", " + "}, {" // ", " * "}, {" % ", " // "},
            {" < ", " > "}, {" > ", " < "}, {" <= ", " >= "}, {" >= ", " <= "}, {" == ", " != "}, {" != ", " == "},
            {" and ", " or "}, {" or ", " and "}, {"+=", "-="}, {"-=", "+="}, {"min(", "max("}, {"max(", "min("},
            {"True", "False"}, {"False", "True"}, {".upper()", ".lower()"}, {".lower()", ".upper()"}, {" not ", " "},
    };
    /** An integer literal that is not part of a name or a float. */
    private static final Pattern INTEGER = Pattern.compile("(?<![\\w.])\\d+(?![\\w.])");

    private Mutations() {}

    /** Every candidate, in a fixed order: swaps, then constants, then dropped lines (never the only line). */
    static List<String> of(String body) {
        List<String> mutants = new ArrayList<>();
        for (String[] swap : SWAPS) {
            for (int at = body.indexOf(swap[0]); at >= 0; at = body.indexOf(swap[0], at + 1)) {
                mutants.add(body.substring(0, at) + swap[1] + body.substring(at + swap[0].length()));
            }
        }
        Matcher integer = INTEGER.matcher(body);
        while (integer.find()) {
            long value = Long.parseLong(integer.group());
            mutants.add(body.substring(0, integer.start()) + (value + 1) + body.substring(integer.end()));
        }
        String[] lines = body.split("(?<=\n)");
        if (lines.length > 1) {
            for (int drop = 0; drop < lines.length; drop++) {
                StringBuilder kept = new StringBuilder();
                for (int i = 0; i < lines.length; i++) if (i != drop) kept.append(lines[i]);
                mutants.add(kept.toString());
            }
        }
        return mutants;
    }
}
