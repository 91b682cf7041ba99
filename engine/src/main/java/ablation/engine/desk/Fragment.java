package ablation.engine.desk;

import java.util.List;

/**
 * One program fragment: a step of a generated function that turns a value of type {@code in} into a
 * value of type {@code out}, with its Python code, its English phrasings and its meaning in Java.
 *
 * <p>Code and phrase templates use placeholders: {@code {in}} (the input variable, or in phrases the
 * argument's name or "the result"), {@code {in2}} (the second argument of a pair), {@code {out}} (the
 * variable a block assigns), {@code {e}} (the element variable of a loop or comprehension) and
 * {@code {k}} (the constant, a literal or the parameter it was lifted into).
 *
 * @param expr the step as one expression, or null when it exists only as a block
 * @param block the step as statements assigning {@code {out}}, or null
 * @param blockReturns the block ends the function itself (an if/else with returns)
 * @param phrases imperative phrasings used when another step follows ("keep the elements of {in} that are even")
 * @param finalPhrases phrasings when the step is the last one, saying what is returned; empty means
 *                     "phrase, and return the result"
 * @param tags words for function names, most conventional first
 * @param resultNames names for the variable holding the step's result, most conventional first
 */
record Fragment(
        String id,
        Family family,
        PyType in,
        PyType out,
        ConstSpec constant,
        String expr,
        List<String> block,
        boolean blockReturns,
        List<String> phrases,
        List<String> finalPhrases,
        List<String> tags,
        List<String> resultNames,
        Semantics semantics) {

    /** A step whose block returns can only be the last one. */
    boolean terminal() {
        return blockReturns;
    }

    /** What the step computes, in Java, mirroring the Python code exactly. */
    @FunctionalInterface
    interface Semantics {
        /** @param constant the step's constant, or null when it has none */
        Object apply(Object input, Object constant);
    }

    Fragment {
        if (expr == null && block == null) throw new IllegalArgumentException(id + ": needs an expression or a block");
        if (phrases.isEmpty() && finalPhrases.isEmpty()) throw new IllegalArgumentException(id + ": needs phrases");
        block = block == null ? null : List.copyOf(block);
        phrases = List.copyOf(phrases);
        finalPhrases = List.copyOf(finalPhrases);
        tags = List.copyOf(tags);
        resultNames = List.copyOf(resultNames);
    }
}
