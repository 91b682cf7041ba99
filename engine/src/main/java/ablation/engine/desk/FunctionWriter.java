package ablation.engine.desk;

import static ablation.engine.desk.PyType.INT;
import static ablation.engine.desk.PyType.INTS;
import static ablation.engine.desk.PyType.INT_COUNTS;
import static ablation.engine.desk.PyType.STR;
import static ablation.engine.desk.PyType.STRS;
import static ablation.engine.desk.PyType.STR_COUNTS;

import ablation.core.config.DeskDifficulty;
import ablation.engine.desk.Inputs.Case;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Writes a {@link Program} as a Python function: names, signature, a docstring that says step by step
 * what the body does (with doctest examples), and a body of one statement or block per step.
 *
 * <p>With a null random source it writes the <em>canonical</em> form: the first name of every pool,
 * expression style wherever a step has one. Its normalised body decides held-out versus training
 * ({@link HeldOut}), so all renderings of one program fall on the same side.
 */
final class FunctionWriter {
    /** Docstring lines are wrapped to this width (indentation included). */
    private static final int WIDTH = 78;
    /** Chance of type annotations on a signature. */
    private static final double HINT_CHANCE = 0.5;

    private static final Map<PyType, List<String>> ARGUMENT_NAMES = Map.of(
            INTS, List.of("nums", "numbers", "values", "xs", "data", "scores", "arr"),
            STR, List.of("s", "text", "line", "sentence", "string", "phrase", "msg"),
            STRS, List.of("words", "names", "tokens", "strings", "labels", "terms", "items"),
            INT, List.of("n", "x", "num", "value", "number", "amount", "m"));
    private static final List<String[]> PAIR_NAMES = List.of(
            new String[] {"a", "b"},
            new String[] {"x", "y"},
            new String[] {"m", "n"},
            new String[] {"first", "second"},
            new String[] {"left", "right"},
            new String[] {"p", "q"});
    private static final Map<PyType, List<String>> ELEMENT_NAMES = Map.of(
            INTS, List.of("x", "n", "v", "num", "value", "item", "elem"),
            STR, List.of("c", "ch", "char", "letter", "symbol", "x", "glyph"),
            STRS, List.of("w", "word", "s", "token", "item", "name", "term"),
            INT, List.of("d", "digit", "i", "j", "t", "c", "x"),
            INT_COUNTS, List.of("key", "value", "x", "v", "item", "num", "elem"),
            STR_COUNTS, List.of("key", "item", "w", "s", "name", "c", "entry"));
    private static final List<String> PREFIXES = List.of("", "get_", "compute_", "find_", "calc_", "make_", "do_");
    private static final List<String> CONNECTORS = List.of(", then ", "; then ", ", and then ");

    private final DeskDifficulty difficulty;

    FunctionWriter(DeskDifficulty difficulty) {
        this.difficulty = difficulty;
    }

    /** The canonical body: first names, expression style. */
    static String canonicalBody(Program program) {
        return new FunctionWriter(DeskDifficulty.DEFAULT).new Writing(program, null).body();
    }

    /**
     * @param rng choices of names, style and phrasing
     * @param examples cases shown as doctest examples in the docstring
     */
    DeskFunction write(Program program, SplittableRandom rng, List<Case> cases, int examples) {
        Writing w = new Writing(program, rng);
        String body = w.body();
        String prompt = w.signature() + "\n" + w.docstring(cases.subList(0, Math.min(examples, cases.size())));
        return new DeskFunction(w.functionName, prompt, body, program, cases);
    }

    /** The choices made while writing one function. */
    private final class Writing {
        private final Program program;
        private final SplittableRandom rng;
        private final Set<String> used = new HashSet<>(PythonNames.RESERVED);
        private final List<String> params = new ArrayList<>();
        private final List<String> stepParams = new ArrayList<>();
        private final String functionName;

        Writing(Program program, SplittableRandom rng) {
            this.program = program;
            this.rng = rng;
            if (program.input() == PyType.INT_PAIR) {
                String[] pair = PAIR_NAMES.get(choose(PAIR_NAMES.size(), difficulty.nameVariety()));
                claim(pair[0]);
                claim(pair[1]);
                params.add(pair[0]);
                params.add(pair[1]);
            } else {
                params.add(fresh(ARGUMENT_NAMES.get(program.input())));
            }
            for (Step s : program.steps()) {
                String name = s.lifted() ? fresh(s.fragment().constant().paramNames()) : null;
                stepParams.add(name);
                if (name != null) params.add(name);
            }
            this.functionName = functionName();
        }

        String body() {
            List<String> lines = new ArrayList<>();
            String in = params.get(0);
            String in2 = params.size() > 1 ? params.get(1) : "";
            int n = program.steps().size();
            for (int i = 0; i < n; i++) {
                Step step = program.steps().get(i);
                Fragment f = step.fragment();
                boolean last = i == n - 1;
                boolean useBlock = f.expr() == null
                        || (f.block() != null && rng != null && rng.nextDouble() < difficulty.loopShare());
                String template = useBlock ? String.join("\n", f.block()) : f.expr();
                String e = template.contains("{e}")
                        ? fresh(ELEMENT_NAMES.getOrDefault(f.in(), ELEMENT_NAMES.get(INT)))
                        : "";
                String k = constant(step, i);
                String out = useBlock && f.blockReturns() || (last && !useBlock) ? "" : fresh(f.resultNames());
                if (useBlock) {
                    for (String line : f.block()) lines.add(fill(line, in, in2, out, e, k));
                    if (last && !f.blockReturns()) lines.add("return " + out);
                } else if (last) {
                    lines.add("return " + fill(f.expr(), in, in2, out, e, k));
                } else {
                    lines.add(out + " = " + fill(f.expr(), in, in2, out, e, k));
                }
                in = out;
            }
            StringBuilder body = new StringBuilder();
            for (String line : lines) body.append("    ").append(line).append('\n');
            return body.toString();
        }

        String signature() {
            boolean hints = rng != null && rng.nextDouble() < HINT_CHANCE;
            List<PyType> types = program.parameterTypes();
            StringJoiner args = new StringJoiner(", ", "def " + functionName + "(", ")");
            for (int i = 0; i < params.size(); i++)
                args.add(params.get(i) + (hints ? ": " + types.get(i).hint() : ""));
            return args + (hints ? " -> " + program.output().hint() : "") + ":";
        }

        String docstring(List<Case> examples) {
            StringBuilder text = new StringBuilder();
            int n = program.steps().size();
            String connector = CONNECTORS.get(choose(CONNECTORS.size(), difficulty.phrasings()));
            for (int i = 0; i < n; i++) {
                Step step = program.steps().get(i);
                Fragment f = step.fragment();
                boolean last = i == n - 1;
                List<String> options = last && !f.finalPhrases().isEmpty() ? f.finalPhrases() : f.phrases();
                String phrase = options.get(choose(options.size(), difficulty.phrasings()));
                if (last && f.finalPhrases().isEmpty()) phrase += ", and return the result";
                String in = i == 0 ? params.get(0) : "the result";
                String in2 = i == 0 && params.size() > 1 ? params.get(1) : "";
                phrase = phrase.replace("{in2}", in2).replace("{in}", in).replace("{k}", constant(step, i));
                if (i > 0) text.append(connector);
                text.append(phrase);
            }
            text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
            text.append('.');
            List<String> lines = wrap("\"\"\"" + text);
            for (Case c : examples) {
                StringJoiner call = new StringJoiner(", ", ">>> " + functionName + "(", ")");
                for (Object arg : c.args()) call.add(PyLiterals.repr(arg));
                lines.add(call.toString());
                lines.add(PyLiterals.repr(c.result()));
            }
            StringBuilder out = new StringBuilder();
            if (lines.size() == 1 && lines.get(0).length() + 7 <= WIDTH) {
                return "    " + lines.get(0) + "\"\"\"\n";
            }
            for (String line : lines) out.append("    ").append(line).append('\n');
            return out.append("    \"\"\"\n").toString();
        }

        private String constant(Step step, int index) {
            if (step.constant() == null) return "";
            return step.lifted() ? stepParams.get(index) : PyLiterals.repr(step.constant());
        }

        /** A name from the last step's tags and, for longer programs, the first step's. */
        private String functionName() {
            List<Step> steps = program.steps();
            String head = pick(steps.get(steps.size() - 1).fragment().tags());
            String name = head;
            if (steps.size() > 1) {
                String first = pick(steps.get(0).fragment().tags());
                if (!first.equals(head)) name = head + "_" + first;
            }
            name = PREFIXES.get(choose(PREFIXES.size(), difficulty.nameVariety())) + name;
            if (used.contains(name)) name = "compute_" + name;
            while (used.contains(name)) name += "_fn";
            claim(name);
            return name;
        }

        private String pick(List<String> pool) {
            return pool.get(choose(pool.size(), difficulty.nameVariety()));
        }

        /** A name from the pool not used yet in this function (numbered when the pool runs out). */
        private String fresh(List<String> pool) {
            int start = choose(pool.size(), difficulty.nameVariety());
            for (int i = 0; i < pool.size(); i++) {
                String name = pool.get((start + i) % pool.size());
                if (!used.contains(name)) return claim(name);
            }
            for (int suffix = 2; ; suffix++) {
                String name = pool.get(start) + suffix;
                if (!used.contains(name)) return claim(name);
            }
        }

        private String claim(String name) {
            used.add(name);
            return name;
        }

        /** An index below {@code min(size, variety)}; always 0 for the canonical form. */
        private int choose(int size, int variety) {
            return rng == null ? 0 : rng.nextInt(Math.min(size, variety));
        }
    }

    private static String fill(String template, String in, String in2, String out, String e, String k) {
        return template.replace("{in2}", in2)
                .replace("{in}", in)
                .replace("{out}", out)
                .replace("{e}", e)
                .replace("{k}", k);
    }

    /** Wraps text at spaces outside quoted literals to lines that fit {@link #WIDTH} once indented. */
    private static List<String> wrap(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            if (c == ' ' && !quoted) {
                words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : words) {
            if (line.length() > 0 && 4 + line.length() + 1 + piece.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(piece);
        }
        lines.add(line.toString());
        return lines;
    }
}
