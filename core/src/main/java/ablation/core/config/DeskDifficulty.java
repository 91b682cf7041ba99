package ablation.core.config;

/**
 * The knobs of the desk suite's difficulty, applied alike to the training corpus and the benchmarks.
 * The held-out split does not depend on them, so any corpus is disjoint from any benchmark.
 *
 * @param maxSteps most fragments composed in one function (1-6); the strongest knob: every step is one
 *                 more statement the model must get right, and the program space grows with it
 * @param families how many fragment families are enabled, in the order of the engine's {@code Family}: 1 = lists of
 *                 numbers only, then text, words, arithmetic, counting dictionaries, conditionals (1-6).
 *                 More families widen the space, so each fragment is seen less often for a fixed budget
 * @param maxArgs most parameters of a function (1-4); above 1 some constants become parameters (named in
 *                the docstring) and arithmetic functions may take two integers
 * @param nameVariety how many alternatives are drawn from each naming pool (function prefixes, argument,
 *                    element and variable names) (1-7); 1 always uses the conventional name
 * @param phrasings how many paraphrases of each step's description and of the connectives are used (1-3)
 * @param examples doctest examples in each docstring (0-3); examples show the input and output types
 *                 and so make problems easier
 * @param loopShare chance that a step having both forms is written as an explicit loop rather than a
 *                  comprehension or builtin call (0-1); mixing styles makes bodies less predictable
 */
public record DeskDifficulty(
        int maxSteps, int families, int maxArgs, int nameVariety, int phrasings, int examples, double loopShare) {
    /** "Easy but not trivial": short compositions over every family, a little variety in names and wording. */
    public static final DeskDifficulty DEFAULT = new DeskDifficulty(3, 6, 2, 3, 2, 1, 0.25);
    /** Fragment families the desk suite knows (the engine's {@code Family} values; a test keeps them equal). */
    public static final int FAMILIES = 6;

    public DeskDifficulty {
        range("desk.max_steps", maxSteps, 1, 6);
        range("desk.families", families, 1, FAMILIES);
        range("desk.max_args", maxArgs, 1, 4);
        range("desk.name_variety", nameVariety, 1, 7);
        range("desk.phrasings", phrasings, 1, 3);
        range("desk.examples", examples, 0, 3);
        if (!(loopShare >= 0 && loopShare <= 1))
            throw new ConfigException("desk.loop_share", loopShare, "must be between 0 and 1");
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(field, value, "must be between " + min + " and " + max);
        }
    }
}
