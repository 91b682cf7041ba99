package ablation.engine.desk;

import ablation.core.config.DeskDifficulty;

/**
 * Fragment families of desk-pl, in the order in which {@link DeskDifficulty#families()} enables them:
 * {@code families = 1} is lists of numbers only, {@code 6} is everything.
 */
enum Family {
    /** Filters, maps, sorting, slicing and reductions over {@code list[int]}. */
    NUMBERS,
    /** Character filters, case changes, slicing, counting and tests on {@code str}. */
    TEXT,
    /** Filters, maps, sorting and joining over {@code list[str]}. */
    WORDS,
    /** Integer arithmetic on one or two {@code int} arguments, digits, ranges and comparisons. */
    ARITHMETIC,
    /** Dictionaries that count occurrences, and questions about them. */
    COUNTING,
    /** If/else: clamping, labels chosen by a comparison, the sign or a truth value. */
    CONDITIONALS;

    static java.util.EnumSet<Family> firstN(int n) {
        java.util.EnumSet<Family> set = java.util.EnumSet.noneOf(Family.class);
        for (Family f : values()) if (f.ordinal() < n) set.add(f);
        return set;
    }
}
