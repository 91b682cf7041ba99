package ablation.engine.desk;

import static ablation.engine.desk.Family.ARITHMETIC;
import static ablation.engine.desk.Family.CONDITIONALS;
import static ablation.engine.desk.Family.COUNTING;
import static ablation.engine.desk.Family.NUMBERS;
import static ablation.engine.desk.Family.TEXT;
import static ablation.engine.desk.Family.WORDS;
import static ablation.engine.desk.PyType.BOOL;
import static ablation.engine.desk.PyType.INT;
import static ablation.engine.desk.PyType.INTS;
import static ablation.engine.desk.PyType.INT_COUNTS;
import static ablation.engine.desk.PyType.INT_PAIR;
import static ablation.engine.desk.PyType.STR;
import static ablation.engine.desk.PyType.STRS;
import static ablation.engine.desk.PyType.STR_COUNTS;

import ablation.engine.desk.Fragment.Semantics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The grammar of desk-pl: every fragment a generated function is built from. Predicates and element
 * functions are small sub-fragments multiplied out over the steps that use them (filter, count, any, all,
 * map), so that families × parameters give a large program space.
 *
 * <p>The Java semantics mirror the Python code exactly on the inputs {@link Inputs} draws (ASCII text,
 * small integers): integer arithmetic is exact ({@link Math#multiplyExact}) and an overflow makes the caller
 * draw other inputs.
 */
final class Fragments {
    private Fragments() {}

    /** Integers above this make {@code range} and friends refuse (the caller draws other inputs). */
    static final long RANGE_LIMIT = 200;

    // Constants: values and names of the parameter a constant may be lifted into.
    private static final ConstSpec THRESHOLD = ConstSpec.ints(1, 9, "k", "limit", "threshold", "bound", "cutoff", "t");
    private static final ConstSpec TARGET = ConstSpec.ints(0, 9, "k", "target", "value", "needle", "item", "wanted");
    private static final ConstSpec DIVISOR = ConstSpec.ints(2, 5, "k", "divisor", "d", "m", "base", "q");
    private static final ConstSpec FACTOR = ConstSpec.ints(2, 9, "k", "factor", "m", "scale", "times", "mult");
    private static final ConstSpec OFFSET = ConstSpec.ints(1, 9, "k", "delta", "offset", "step", "amount", "shift");
    private static final ConstSpec MODULUS = ConstSpec.ints(2, 9, "k", "modulus", "m", "base", "d", "q");
    private static final ConstSpec COUNT = ConstSpec.ints(1, 4, "k", "size", "n", "count", "length", "how_many");
    private static final ConstSpec CHARS = ConstSpec.ints(1, 6, "k", "size", "n", "count", "length", "width");
    private static final ConstSpec WORD_LENGTH = ConstSpec.ints(2, 5, "k", "size", "n", "length", "min_len", "limit");
    private static final ConstSpec MIN_COUNT =
            ConstSpec.ints(2, 3, "k", "times", "n", "min_count", "at_least", "limit");
    private static final ConstSpec LETTER = ConstSpec.strs(
            List.of("a", "e", "i", "o", "s", "t", "n", "r"), "c", "ch", "char", "letter", "target", "symbol");
    private static final ConstSpec SEPARATOR = ConstSpec.strs(
            List.of(" ", "-", ", ", "", "_", "/"), "sep", "separator", "glue", "joiner", "delim", "between");
    private static final ConstSpec FILL =
            ConstSpec.strs(List.of("-", "_", "*", "."), "fill", "c", "ch", "replacement", "sub", "symbol");

    /** A condition on one element, shared by filter, count, any and all. */
    private record Pred(
            String id,
            String code,
            String adj,
            List<String> tags,
            ConstSpec constant,
            BiPredicate<Object, Object> test) {}

    /** A function of one element, shared by list maps and scalar steps; phrases use {obj}. */
    private record Fn(
            String id,
            String code,
            List<String> phrases,
            List<String> tags,
            ConstSpec constant,
            BiFunction<Object, Object, Object> apply) {}

    private static final List<Pred> INT_PREDS = List.of(
            new Pred("gt", "{e} > {k}", "greater than {k}", List.of("large", "big"), THRESHOLD, (x, k) -> n(x) > n(k)),
            new Pred("lt", "{e} < {k}", "less than {k}", List.of("small", "low"), THRESHOLD, (x, k) -> n(x) < n(k)),
            new Pred(
                    "ge",
                    "{e} >= {k}",
                    "at least {k}",
                    List.of("at_least", "enough"),
                    THRESHOLD,
                    (x, k) -> n(x) >= n(k)),
            new Pred(
                    "le", "{e} <= {k}", "at most {k}", List.of("at_most", "capped"), THRESHOLD, (x, k) -> n(x) <= n(k)),
            new Pred(
                    "even",
                    "{e} % 2 == 0",
                    "even",
                    List.of("even", "evens"),
                    null,
                    (x, k) -> Math.floorMod(n(x), 2) == 0),
            new Pred("odd", "{e} % 2 == 1", "odd", List.of("odd", "odds"), null, (x, k) -> Math.floorMod(n(x), 2) == 1),
            new Pred(
                    "div",
                    "{e} % {k} == 0",
                    "divisible by {k}",
                    List.of("multiples", "divisible"),
                    DIVISOR,
                    (x, k) -> Math.floorMod(n(x), n(k)) == 0),
            new Pred(
                    "ne",
                    "{e} != {k}",
                    "different from {k}",
                    List.of("other", "others"),
                    TARGET,
                    (x, k) -> n(x) != n(k)),
            new Pred("pos", "{e} > 0", "positive", List.of("positive", "positives"), null, (x, k) -> n(x) > 0),
            new Pred("neg", "{e} < 0", "negative", List.of("negative", "negatives"), null, (x, k) -> n(x) < 0));

    private static final List<Fn> INT_FNS = List.of(
            new Fn(
                    "add",
                    "{e} + {k}",
                    List.of("add {k} to {obj}", "increase {obj} by {k}", "shift {obj} up by {k}"),
                    List.of("shifted", "plus"),
                    OFFSET,
                    (x, k) -> Math.addExact(n(x), n(k))),
            new Fn(
                    "sub",
                    "{e} - {k}",
                    List.of("subtract {k} from {obj}", "decrease {obj} by {k}", "shift {obj} down by {k}"),
                    List.of("lowered", "minus"),
                    OFFSET,
                    (x, k) -> Math.subtractExact(n(x), n(k))),
            new Fn(
                    "mul",
                    "{e} * {k}",
                    List.of("multiply {obj} by {k}", "scale {obj} by a factor of {k}", "take {k} times {obj}"),
                    List.of("scaled", "times"),
                    FACTOR,
                    (x, k) -> Math.multiplyExact(n(x), n(k))),
            new Fn(
                    "square",
                    "{e} * {e}",
                    List.of("square {obj}", "multiply {obj} by itself", "raise {obj} to the second power"),
                    List.of("squares", "squared"),
                    null,
                    (x, k) -> Math.multiplyExact(n(x), n(x))),
            new Fn(
                    "abs",
                    "abs({e})",
                    List.of("take the absolute value of {obj}", "drop the sign of {obj}", "make {obj} non-negative"),
                    List.of("magnitudes", "absolute"),
                    null,
                    (x, k) -> Math.abs(n(x))),
            new Fn(
                    "neg",
                    "-{e}",
                    List.of("negate {obj}", "flip the sign of {obj}", "change the sign of {obj}"),
                    List.of("negated", "flipped"),
                    null,
                    (x, k) -> Math.negateExact(n(x))),
            new Fn(
                    "div",
                    "{e} // {k}",
                    List.of(
                            "divide {obj} by {k}, rounding down",
                            "floor-divide {obj} by {k}",
                            "integer-divide {obj} by {k}"),
                    List.of("quotients", "divided"),
                    DIVISOR,
                    (x, k) -> Math.floorDiv(n(x), n(k))),
            new Fn(
                    "mod",
                    "{e} % {k}",
                    List.of(
                            "replace {obj} by its remainder modulo {k}",
                            "reduce {obj} modulo {k}",
                            "take {obj} modulo {k}"),
                    List.of("remainders", "residues"),
                    MODULUS,
                    (x, k) -> Math.floorMod(n(x), n(k))));

    private static final List<Pred> CHAR_PREDS = List.of(
            new Pred("digit", "{e}.isdigit()", "digits", List.of("digits", "numerals"), null, (c, k) -> isDigit(c)),
            new Pred(
                    "alpha", "{e}.isalpha()", "letters", List.of("letters", "alphabetic"), null, (c, k) -> isLetter(c)),
            new Pred(
                    "upper",
                    "{e}.isupper()",
                    "uppercase letters",
                    List.of("capitals", "uppercase"),
                    null,
                    (c, k) -> isUpper(c)),
            new Pred(
                    "lower",
                    "{e}.islower()",
                    "lowercase letters",
                    List.of("lowercase", "small_letters"),
                    null,
                    (c, k) -> isLower(c)),
            new Pred(
                    "vowel",
                    "{e} in 'aeiou'",
                    "lowercase vowels",
                    List.of("vowels", "vowel_chars"),
                    null,
                    (c, k) -> "aeiou".contains(s(c))),
            new Pred(
                    "consonant",
                    "{e} not in 'aeiou'",
                    "non-vowel characters",
                    List.of("consonants", "non_vowels"),
                    null,
                    (c, k) -> !"aeiou".contains(s(c))),
            new Pred(
                    "nonspace",
                    "{e} != ' '",
                    "non-space characters",
                    List.of("compact", "no_spaces"),
                    null,
                    (c, k) -> !s(c).equals(" ")),
            new Pred(
                    "other",
                    "{e} != {k}",
                    "characters other than {k}",
                    List.of("without", "stripped"),
                    LETTER,
                    (c, k) -> !s(c).equals(k)));

    private static final List<Pred> WORD_PREDS = List.of(
            new Pred(
                    "longer",
                    "len({e}) > {k}",
                    "words longer than {k} characters",
                    List.of("long", "long_words"),
                    WORD_LENGTH,
                    (w, k) -> s(w).length() > n(k)),
            new Pred(
                    "shorter",
                    "len({e}) < {k}",
                    "words shorter than {k} characters",
                    List.of("short", "short_words"),
                    WORD_LENGTH,
                    (w, k) -> s(w).length() < n(k)),
            new Pred(
                    "starts",
                    "{e}.startswith({k})",
                    "words that start with {k}",
                    List.of("starting", "initial"),
                    LETTER,
                    (w, k) -> s(w).startsWith(s(k))),
            new Pred(
                    "ends",
                    "{e}.endswith({k})",
                    "words that end with {k}",
                    List.of("ending", "final"),
                    LETTER,
                    (w, k) -> s(w).endsWith(s(k))),
            new Pred(
                    "contains",
                    "{k} in {e}",
                    "words that contain {k}",
                    List.of("containing", "matching"),
                    LETTER,
                    (w, k) -> s(w).contains(s(k))),
            new Pred(
                    "capital",
                    "{e}[0].isupper()",
                    "words that start with an uppercase letter",
                    List.of("capitalized", "proper"),
                    null,
                    (w, k) -> isUpper(s(w).substring(0, 1))));

    private static final List<Fn> WORD_FNS = List.of(
            new Fn(
                    "upper",
                    "{e}.upper()",
                    List.of("convert {obj} to uppercase", "write {obj} in capital letters", "make {obj} uppercase"),
                    List.of("shouted", "upper"),
                    null,
                    (w, k) -> s(w).toUpperCase(Locale.ROOT)),
            new Fn(
                    "lower",
                    "{e}.lower()",
                    List.of("convert {obj} to lowercase", "write {obj} in small letters", "make {obj} lowercase"),
                    List.of("lowered", "lower"),
                    null,
                    (w, k) -> s(w).toLowerCase(Locale.ROOT)),
            new Fn(
                    "capitalize",
                    "{e}.capitalize()",
                    List.of(
                            "capitalize {obj}",
                            "make the first letter of {obj} uppercase and the rest lowercase",
                            "turn {obj} into a capitalized word"),
                    List.of("capitalized", "titled"),
                    null,
                    (w, k) -> capitalize(s(w))),
            new Fn(
                    "reverse",
                    "{e}[::-1]",
                    List.of("reverse {obj}", "write {obj} backwards", "spell {obj} backwards"),
                    List.of("mirrored", "backwards"),
                    null,
                    (w, k) -> new StringBuilder(s(w)).reverse().toString()),
            new Fn(
                    "initial",
                    "{e}[0]",
                    List.of(
                            "replace {obj} by its first letter",
                            "keep only the first letter of {obj}",
                            "take the first character of {obj}"),
                    List.of("initials", "first_letters"),
                    null,
                    (w, k) -> s(w).substring(0, 1)));

    /** Every fragment, in a fixed order (the order matters for determinism); built after the lists above. */
    static final List<Fragment> ALL = build();

    private static List<Fragment> build() {
        List<Fragment> all = new ArrayList<>();
        numbers(all);
        text(all);
        words(all);
        arithmetic(all);
        counting(all);
        conditionals(all);
        return Collections.unmodifiableList(all);
    }

    private static void numbers(List<Fragment> all) {
        for (Pred p : INT_PREDS) predicateSteps(all, NUMBERS, INTS, p, "elements", "element");
        for (Fn f : INT_FNS) {
            all.add(new B("map_" + f.id, NUMBERS, INTS, INTS)
                    .k(f.constant)
                    .expr("[" + f.code + " for {e} in {in}]")
                    .block("{out} = []", "for {e} in {in}:", "    {out}.append(" + f.code + ")")
                    .say(objects(f.phrases, "each element of {in}", "every value in {in}", "each item of {in}"))
                    .tags(f.tags)
                    .names(f.tags.get(0), "mapped", "values")
                    .does((in, k) -> map(in, x -> f.apply.apply(x, k))));
        }
        all.add(new B("sort", NUMBERS, INTS, INTS)
                .expr("sorted({in})")
                .say("sort {in} in ascending order", "arrange {in} from smallest to largest", "order {in} increasingly")
                .tags("sorted", "ordered")
                .names("ordered", "ascending", "ranked")
                .does((in, k) -> sorted(in, null)));
        all.add(new B("sort_desc", NUMBERS, INTS, INTS)
                .expr("sorted({in}, reverse=True)")
                .say(
                        "sort {in} in descending order",
                        "arrange {in} from largest to smallest",
                        "order {in} decreasingly")
                .tags("descending", "top")
                .names("descending", "ordered", "ranked")
                .does((in, k) -> sorted(
                        in, Comparator.<Object, Long>comparing(Fragments::n).reversed())));
        all.add(new B("reverse", NUMBERS, INTS, INTS)
                .expr("{in}[::-1]")
                .block("{out} = []", "for {e} in {in}:", "    {out}.insert(0, {e})")
                .say("reverse {in}", "reverse the order of {in}", "put {in} in the opposite order")
                .tags("reversed", "backwards")
                .names("backwards", "flipped", "reversed_values")
                .does((in, k) -> reversed(in)));
        all.add(new B("unique", NUMBERS, INTS, INTS)
                .expr("list(dict.fromkeys({in}))")
                .block("{out} = []", "for {e} in {in}:", "    if {e} not in {out}:", "        {out}.append({e})")
                .say(
                        "remove duplicates from {in}, keeping the first occurrence of each value",
                        "drop repeated values from {in}, keeping their first occurrence",
                        "keep each value of {in} only once, in order of first appearance")
                .tags("unique", "distinct")
                .names("unique", "seen", "distinct")
                .does((in, k) -> new ArrayList<>(new LinkedHashSet<>(list(in)))));
        all.add(new B("take", NUMBERS, INTS, INTS)
                .k(COUNT)
                .expr("{in}[:{k}]")
                .say(
                        "keep the first {k} elements of {in}",
                        "take the first {k} items of {in}",
                        "cut {in} down to its first {k} values")
                .tags("head", "first")
                .names("head", "front", "first_items")
                .does((in, k) -> list(in).subList(0, (int) Math.min(n(k), list(in).size()))));
        all.add(new B("drop", NUMBERS, INTS, INTS)
                .k(COUNT)
                .expr("{in}[{k}:]")
                .say(
                        "drop the first {k} elements of {in}",
                        "skip the first {k} items of {in}",
                        "remove the first {k} values of {in}")
                .tags("tail", "rest")
                .names("tail", "rest", "remaining")
                .does((in, k) -> list(in).subList((int) Math.min(n(k), list(in).size()), list(in).size())));
        all.add(new B("sum", NUMBERS, INTS, INT)
                .expr("sum({in})")
                .block("{out} = 0", "for {e} in {in}:", "    {out} += {e}")
                .say("compute the sum of {in}", "add up {in}", "total {in}")
                .sayLast("return the sum of {in}", "return the total of {in}", "add up {in} and return the total")
                .tags("sum", "total")
                .names("total", "acc", "running")
                .does((in, k) -> list(in).stream().mapToLong(Fragments::n).reduce(0, Math::addExact)));
        all.add(new B("product", NUMBERS, INTS, INT)
                .block("{out} = 1", "for {e} in {in}:", "    {out} *= {e}")
                .say("compute the product of {in}", "multiply {in} together", "multiply all elements of {in}")
                .sayLast(
                        "return the product of {in}",
                        "return the product of all elements of {in}",
                        "multiply {in} together and return the product")
                .tags("product", "prod")
                .names("product", "acc", "result")
                .does((in, k) -> list(in).stream().mapToLong(Fragments::n).reduce(1, Math::multiplyExact)));
        all.add(new B("max", NUMBERS, INTS, INT)
                .expr("max({in}, default=0)")
                .say(
                        "find the largest element of {in} (0 if there is none)",
                        "take the maximum of {in}, or 0 when it is empty")
                .sayLast(
                        "return the largest element of {in}, or 0 if it is empty",
                        "return the maximum of {in} (0 for an empty list)")
                .tags("largest", "maximum")
                .names("largest", "biggest", "peak")
                .does((in, k) -> list(in).stream().mapToLong(Fragments::n).max().orElse(0)));
        all.add(new B("min", NUMBERS, INTS, INT)
                .expr("min({in}, default=0)")
                .say(
                        "find the smallest element of {in} (0 if there is none)",
                        "take the minimum of {in}, or 0 when it is empty")
                .sayLast(
                        "return the smallest element of {in}, or 0 if it is empty",
                        "return the minimum of {in} (0 for an empty list)")
                .tags("smallest", "minimum")
                .names("smallest", "lowest", "floor_value")
                .does((in, k) -> list(in).stream().mapToLong(Fragments::n).min().orElse(0)));
        all.add(new B("len", NUMBERS, INTS, INT)
                .expr("len({in})")
                .say("count the elements of {in}", "compute the length of {in}")
                .sayLast(
                        "return the number of elements in {in}",
                        "return the length of {in}",
                        "return how many items {in} has")
                .tags("count", "size")
                .names("size", "length", "n_items")
                .does((in, k) -> (long) list(in).size()));
        all.add(new B("spread", NUMBERS, INTS, INT)
                .expr("max({in}) - min({in}) if {in} else 0")
                .say(
                        "compute the difference between the largest and the smallest element of {in} (0 if it is empty)",
                        "compute the range of {in}, that is its maximum minus its minimum (0 when empty)")
                .sayLast(
                        "return the difference between the largest and the smallest element of {in}, or 0 if it is empty",
                        "return the maximum of {in} minus its minimum (0 for an empty list)")
                .tags("spread", "span")
                .names("spread", "width", "span")
                .does((in, k) -> list(in).isEmpty()
                        ? 0L
                        : Math.subtractExact(
                                list(in).stream().mapToLong(Fragments::n).max().getAsLong(),
                                list(in).stream().mapToLong(Fragments::n).min().getAsLong())));
        all.add(new B("count_value", NUMBERS, INTS, INT)
                .k(TARGET)
                .expr("{in}.count({k})")
                .block("{out} = 0", "for {e} in {in}:", "    if {e} == {k}:", "        {out} += 1")
                .say("count how many times {k} occurs in {in}", "count the occurrences of {k} in {in}")
                .sayLast("return how many times {k} occurs in {in}", "return the number of occurrences of {k} in {in}")
                .tags("occurrences", "count_of")
                .names("hits", "count", "occurrences")
                .does((in, k) -> list(in).stream().filter(x -> n(x) == n(k)).count()));
        all.add(new B("contains", NUMBERS, INTS, BOOL)
                .k(TARGET)
                .expr("{k} in {in}")
                .say("check whether {k} occurs in {in}", "check whether {in} contains {k}")
                .sayLast("return True if {k} occurs in {in}, otherwise False", "return whether {in} contains {k}")
                .tags("contains", "has_value")
                .names("present", "found", "has_it")
                .does((in, k) -> list(in).stream().anyMatch(x -> n(x) == n(k))));
        all.add(new B("is_sorted", NUMBERS, INTS, BOOL)
                .expr("{in} == sorted({in})")
                .say("check whether {in} is sorted in ascending order", "check whether {in} never decreases")
                .sayLast(
                        "return True if {in} is sorted in ascending order, otherwise False",
                        "return whether {in} is already in increasing order")
                .tags("is_sorted", "in_order")
                .names("ordered", "is_ordered", "sorted_flag")
                .does((in, k) -> list(in).equals(sorted(in, null))));
    }

    private static void text(List<Fragment> all) {
        for (Pred p : CHAR_PREDS) {
            String code = p.code;
            String pl = p.adj;
            all.add(new B("keep_" + p.id, TEXT, STR, STR)
                    .k(p.constant)
                    .expr("''.join({e} for {e} in {in} if " + code + ")")
                    .block("{out} = ''", "for {e} in {in}:", "    if " + code + ":", "        {out} += {e}")
                    .say(
                            "keep only the " + pl + " of {in}",
                            "remove everything from {in} except the " + pl,
                            "build a string of the " + pl + " in {in}")
                    .sayLast(
                            "return only the " + pl + " of {in}, as a string",
                            "return the string made of the " + pl + " in {in}",
                            "return {in} without anything but its " + pl)
                    .tags(p.tags)
                    .names(p.tags.get(0), "kept", "cleaned")
                    .does((in, k) -> join(
                            chars(in).stream().filter(c -> p.test.test(c, k)).toList(), "")));
            all.add(new B("count_" + p.id, TEXT, STR, INT)
                    .k(p.constant)
                    .expr("sum(1 for {e} in {in} if " + code + ")")
                    .block("{out} = 0", "for {e} in {in}:", "    if " + code + ":", "        {out} += 1")
                    .say("count the " + pl + " in {in}", "count how many " + pl + " {in} has")
                    .sayLast(
                            "return the number of " + pl + " in {in}",
                            "return how many " + pl + " {in} contains",
                            "count the " + pl + " in {in} and return the count")
                    .tags("count_" + p.tags.get(0), "n_" + p.tags.get(0))
                    .names("count", "n_found", "tally")
                    .does((in, k) ->
                            chars(in).stream().filter(c -> p.test.test(c, k)).count()));
            all.add(new B("any_" + p.id, TEXT, STR, BOOL)
                    .k(p.constant)
                    .expr("any(" + code + " for {e} in {in})")
                    .block("{out} = False", "for {e} in {in}:", "    if " + code + ":", "        {out} = True")
                    .say("check whether {in} contains any " + pl, "check whether there are " + pl + " in {in}")
                    .sayLast(
                            "return True if {in} contains any " + pl + ", otherwise False",
                            "return whether there are any " + pl + " in {in}")
                    .tags("has_" + p.tags.get(0), "any_" + p.tags.get(0))
                    .names("found", "seen", "present")
                    .does((in, k) -> chars(in).stream().anyMatch(c -> p.test.test(c, k))));
        }
        all.add(new B("upper", TEXT, STR, STR)
                .expr("{in}.upper()")
                .say(
                        "convert {in} to uppercase",
                        "make every letter of {in} uppercase",
                        "write {in} in capital letters")
                .tags("shout", "upper")
                .names("loud", "upper_text", "caps")
                .does((in, k) -> s(in).toUpperCase(Locale.ROOT)));
        all.add(new B("lower", TEXT, STR, STR)
                .expr("{in}.lower()")
                .say("convert {in} to lowercase", "make every letter of {in} lowercase", "write {in} in small letters")
                .tags("quiet", "lower")
                .names("quiet", "lower_text", "small")
                .does((in, k) -> s(in).toLowerCase(Locale.ROOT)));
        all.add(new B("swapcase", TEXT, STR, STR)
                .expr("{in}.swapcase()")
                .say(
                        "swap the case of every letter in {in}",
                        "turn the uppercase letters of {in} into lowercase and vice versa",
                        "invert the case of {in}")
                .tags("swapped", "inverted")
                .names("swapped", "inverted", "toggled")
                .does((in, k) -> swapCase(s(in))));
        all.add(new B("reverse_text", TEXT, STR, STR)
                .expr("{in}[::-1]")
                .block("{out} = ''", "for {e} in {in}:", "    {out} = {e} + {out}")
                .say("reverse {in}", "write {in} backwards", "turn {in} around")
                .tags("backwards", "reversed_text")
                .names("backwards", "flipped", "mirrored")
                .does((in, k) -> new StringBuilder(s(in)).reverse().toString()));
        all.add(new B("prefix", TEXT, STR, STR)
                .k(CHARS)
                .expr("{in}[:{k}]")
                .say(
                        "keep the first {k} characters of {in}",
                        "cut {in} down to its first {k} characters",
                        "take the first {k} characters of {in}")
                .tags("prefix", "head")
                .names("head", "start", "prefix")
                .does((in, k) -> s(in).substring(0, (int) Math.min(n(k), s(in).length()))));
        all.add(new B("suffix", TEXT, STR, STR)
                .k(CHARS)
                .expr("{in}[{k}:]")
                .say(
                        "drop the first {k} characters of {in}",
                        "remove the first {k} characters from {in}",
                        "skip the first {k} characters of {in}")
                .tags("tail", "rest")
                .names("tail", "rest", "remainder")
                .does((in, k) -> s(in).substring((int) Math.min(n(k), s(in).length()))));
        all.add(new B("every_other", TEXT, STR, STR)
                .expr("{in}[::2]")
                .say(
                        "keep every other character of {in}, starting with the first",
                        "take the characters of {in} at even positions",
                        "drop every second character of {in}")
                .tags("every_other", "alternate")
                .names("alternate", "halves", "sparse")
                .does((in, k) -> everyOther(s(in))));
        all.add(new B("unique_chars", TEXT, STR, STR)
                .expr("''.join(dict.fromkeys({in}))")
                .block("{out} = ''", "for {e} in {in}:", "    if {e} not in {out}:", "        {out} += {e}")
                .say(
                        "remove repeated characters from {in}, keeping the first occurrence of each",
                        "keep each character of {in} only once, in order of first appearance")
                .tags("distinct_chars", "unique_chars")
                .names("distinct", "seen", "unique")
                .does((in, k) -> join(new ArrayList<>(new LinkedHashSet<>(chars(in))), "")));
        all.add(new B("fill_spaces", TEXT, STR, STR)
                .k(FILL)
                .expr("{in}.replace(' ', {k})")
                .say(
                        "replace every space in {in} with {k}",
                        "put {k} where {in} has a space",
                        "swap each space of {in} for {k}")
                .tags("filled", "dashed")
                .names("filled", "joined", "packed")
                .does((in, k) -> s(in).replace(" ", s(k))));
        all.add(new B("length", TEXT, STR, INT)
                .expr("len({in})")
                .say("compute the length of {in}", "count the characters of {in}")
                .sayLast(
                        "return the length of {in}",
                        "return the number of characters in {in}",
                        "return how long {in} is")
                .tags("length", "size")
                .names("length", "size", "n_chars")
                .does((in, k) -> (long) s(in).length()));
        all.add(new B("count_char", TEXT, STR, INT)
                .k(LETTER)
                .expr("{in}.count({k})")
                .block("{out} = 0", "for {e} in {in}:", "    if {e} == {k}:", "        {out} += 1")
                .say("count the occurrences of {k} in {in}", "count how often {k} appears in {in}")
                .sayLast("return how many times {k} occurs in {in}", "return the number of occurrences of {k} in {in}")
                .tags("count_char", "occurrences")
                .names("hits", "count", "occurrences")
                .does((in, k) -> chars(in).stream().filter(c -> c.equals(k)).count()));
        all.add(new B("word_count", TEXT, STR, INT)
                .expr("len({in}.split())")
                .say("count the words in {in}", "count the space-separated words of {in}")
                .sayLast("return the number of words in {in}", "return how many words {in} contains")
                .tags("word_count", "n_words")
                .names("n_words", "count", "word_total")
                .does((in, k) -> (long) split(s(in)).size()));
        all.add(new B("palindrome", TEXT, STR, BOOL)
                .expr("{in} == {in}[::-1]")
                .say("check whether {in} reads the same backwards", "check whether {in} is a palindrome")
                .sayLast(
                        "return True if {in} reads the same forwards and backwards, otherwise False",
                        "return whether {in} is a palindrome")
                .tags("is_palindrome", "symmetric")
                .names("same", "symmetric", "is_pal")
                .does((in, k) -> s(in).equals(new StringBuilder(s(in)).reverse().toString())));
        all.add(new B("starts_with", TEXT, STR, BOOL)
                .k(LETTER)
                .expr("{in}.startswith({k})")
                .say("check whether {in} starts with {k}", "check whether the first character of {in} is {k}")
                .sayLast("return True if {in} starts with {k}, otherwise False", "return whether {in} begins with {k}")
                .tags("starts_with", "begins_with")
                .names("starts", "match", "begins")
                .does((in, k) -> s(in).startsWith(s(k))));
        all.add(new B("split", TEXT, STR, STRS)
                .expr("{in}.split()")
                .say("split {in} into words", "break {in} into its space-separated words", "cut {in} into words")
                .sayLast("return the list of words in {in}", "return the words of {in} as a list")
                .tags("words", "split_words")
                .names("words", "parts", "tokens")
                .does((in, k) -> split(s(in))));
    }

    private static void words(List<Fragment> all) {
        for (Pred p : WORD_PREDS) {
            String code = p.code;
            String pl = p.adj;
            all.add(new B("keep_" + p.id, WORDS, STRS, STRS)
                    .k(p.constant)
                    .expr("[{e} for {e} in {in} if " + code + "]")
                    .block("{out} = []", "for {e} in {in}:", "    if " + code + ":", "        {out}.append({e})")
                    .say(
                            "keep only the " + pl + " in {in}",
                            "select the " + pl + " from {in}",
                            "filter {in} down to the " + pl)
                    .sayLast(
                            "return the " + pl + " in {in}",
                            "return a list of the " + pl + " in {in}",
                            "return only the " + pl + " of {in}")
                    .tags(p.tags)
                    .names(p.tags.get(0), "kept", "selected")
                    .does((in, k) ->
                            list(in).stream().filter(w -> p.test.test(w, k)).toList()));
            all.add(new B("count_" + p.id, WORDS, STRS, INT)
                    .k(p.constant)
                    .expr("sum(1 for {e} in {in} if " + code + ")")
                    .block("{out} = 0", "for {e} in {in}:", "    if " + code + ":", "        {out} += 1")
                    .say("count the " + pl + " in {in}", "count how many " + pl + " {in} has")
                    .sayLast("return the number of " + pl + " in {in}", "return how many " + pl + " there are in {in}")
                    .tags("count_" + p.tags.get(0), "n_" + p.tags.get(0))
                    .names("count", "n_found", "tally")
                    .does((in, k) ->
                            list(in).stream().filter(w -> p.test.test(w, k)).count()));
            all.add(new B("any_" + p.id, WORDS, STRS, BOOL)
                    .k(p.constant)
                    .expr("any(" + code + " for {e} in {in})")
                    .block("{out} = False", "for {e} in {in}:", "    if " + code + ":", "        {out} = True")
                    .say("check whether {in} has any " + pl, "check whether there are " + pl + " in {in}")
                    .sayLast(
                            "return True if {in} has any " + pl + ", otherwise False",
                            "return whether there are any " + pl + " in {in}")
                    .tags("has_" + p.tags.get(0), "any_" + p.tags.get(0))
                    .names("found", "seen", "present")
                    .does((in, k) -> list(in).stream().anyMatch(w -> p.test.test(w, k))));
        }
        for (Fn f : WORD_FNS) {
            all.add(new B("map_" + f.id, WORDS, STRS, STRS)
                    .expr("[" + f.code + " for {e} in {in}]")
                    .block("{out} = []", "for {e} in {in}:", "    {out}.append(" + f.code + ")")
                    .say(objects(f.phrases, "each word of {in}", "every word in {in}", "each string in {in}"))
                    .tags(f.tags)
                    .names(f.tags.get(0), "changed", "new_words")
                    .does((in, k) -> map(in, w -> f.apply.apply(w, k))));
        }
        all.add(new B("lengths", WORDS, STRS, INTS)
                .expr("[len({e}) for {e} in {in}]")
                .block("{out} = []", "for {e} in {in}:", "    {out}.append(len({e}))")
                .say(
                        "replace each word of {in} by its length",
                        "compute the length of every word in {in}",
                        "turn each string in {in} into its number of characters")
                .tags("lengths", "sizes")
                .names("lengths", "sizes", "widths")
                .does((in, k) -> map(in, w -> (long) s(w).length())));
        all.add(new B("sort_words", WORDS, STRS, STRS)
                .expr("sorted({in})")
                .say("sort {in} alphabetically", "put {in} in alphabetical order", "order {in} like a dictionary")
                .tags("alphabetical", "sorted_words")
                .names("ordered", "alphabetical", "ranked")
                .does((in, k) -> sorted(in, null)));
        all.add(new B("sort_by_length", WORDS, STRS, STRS)
                .expr("sorted({in}, key=len)")
                .say(
                        "sort {in} by length, keeping the original order of words of equal length",
                        "order {in} from shortest to longest (ties keep their order)")
                .tags("by_length", "shortest_first")
                .names("by_length", "ordered", "ranked")
                .does((in, k) -> sorted(in, Comparator.comparingInt((Object w) -> s(w).length()))));
        all.add(new B("reverse_words", WORDS, STRS, STRS)
                .expr("{in}[::-1]")
                .block("{out} = []", "for {e} in {in}:", "    {out}.insert(0, {e})")
                .say("reverse the order of {in}", "put {in} in the opposite order", "reverse {in}")
                .tags("reversed_words", "backwards")
                .names("backwards", "flipped", "reversed_words")
                .does((in, k) -> reversed(in)));
        all.add(new B("unique_words", WORDS, STRS, STRS)
                .expr("list(dict.fromkeys({in}))")
                .block("{out} = []", "for {e} in {in}:", "    if {e} not in {out}:", "        {out}.append({e})")
                .say(
                        "remove duplicate words from {in}, keeping the first occurrence of each",
                        "keep each word of {in} only once, in order of first appearance")
                .tags("unique_words", "distinct_words")
                .names("unique", "seen", "distinct")
                .does((in, k) -> new ArrayList<>(new LinkedHashSet<>(list(in)))));
        all.add(new B("join", WORDS, STRS, STR)
                .k(SEPARATOR)
                .expr("{k}.join({in})")
                .say(
                        "join {in} with {k}",
                        "glue {in} together with {k} in between",
                        "concatenate {in}, separated by {k}")
                .sayLast(
                        "return {in} joined with {k}",
                        "return the words of {in} glued together with {k} in between",
                        "return one string made of {in}, separated by {k}")
                .tags("joined", "glued")
                .names("joined", "line", "text")
                .does((in, k) -> join(list(in), s(k))));
        all.add(new B("total_length", WORDS, STRS, INT)
                .expr("sum(len({e}) for {e} in {in})")
                .block("{out} = 0", "for {e} in {in}:", "    {out} += len({e})")
                .say("add up the lengths of the words in {in}", "count the characters of all words in {in}")
                .sayLast(
                        "return the total number of characters in {in}",
                        "return the sum of the lengths of the words in {in}")
                .tags("total_length", "char_total")
                .names("total", "n_chars", "length")
                .does((in, k) -> list(in).stream().mapToLong(w -> s(w).length()).sum()));
        all.add(new B("longest", WORDS, STRS, INT)
                .expr("max((len({e}) for {e} in {in}), default=0)")
                .say("find the length of the longest word in {in} (0 if there is none)")
                .sayLast(
                        "return the length of the longest word in {in}, or 0 if there are none",
                        "return the largest word length in {in} (0 for an empty list)")
                .tags("longest", "max_length")
                .names("longest", "best", "widest")
                .does((in, k) ->
                        list(in).stream().mapToLong(w -> s(w).length()).max().orElse(0)));
        all.add(new B("n_words", WORDS, STRS, INT)
                .expr("len({in})")
                .say("count the words in {in}", "count the entries of {in}")
                .sayLast("return the number of words in {in}", "return how many strings {in} holds")
                .tags("count_words", "n_words")
                .names("size", "count", "n_items")
                .does((in, k) -> (long) list(in).size()));
    }

    private static void arithmetic(List<Fragment> all) {
        record Combine(
                String id,
                String code,
                List<String> say,
                List<String> sayLast,
                String tag,
                BiFunction<Long, Long, Long> apply) {}
        List<Combine> combines = List.of(
                new Combine(
                        "add",
                        "{in} + {in2}",
                        List.of("add {in} and {in2}", "compute the sum of {in} and {in2}"),
                        List.of("return the sum of {in} and {in2}", "return {in} plus {in2}"),
                        "sum_of",
                        Math::addExact),
                new Combine(
                        "mul",
                        "{in} * {in2}",
                        List.of("multiply {in} by {in2}", "compute the product of {in} and {in2}"),
                        List.of("return the product of {in} and {in2}", "return {in} times {in2}"),
                        "product_of",
                        Math::multiplyExact),
                new Combine(
                        "sub",
                        "{in} - {in2}",
                        List.of("subtract {in2} from {in}", "compute {in} minus {in2}"),
                        List.of("return {in} minus {in2}", "return the difference {in} - {in2}"),
                        "difference",
                        Math::subtractExact),
                new Combine(
                        "max",
                        "max({in}, {in2})",
                        List.of("take the larger of {in} and {in2}", "pick the bigger of {in} and {in2}"),
                        List.of("return the larger of {in} and {in2}", "return the bigger of {in} and {in2}"),
                        "larger",
                        Math::max),
                new Combine(
                        "min",
                        "min({in}, {in2})",
                        List.of("take the smaller of {in} and {in2}", "pick the lesser of {in} and {in2}"),
                        List.of("return the smaller of {in} and {in2}", "return the lesser of {in} and {in2}"),
                        "smaller",
                        Math::min),
                new Combine(
                        "dist",
                        "abs({in} - {in2})",
                        List.of(
                                "compute the distance between {in} and {in2}",
                                "take the absolute difference of {in} and {in2}"),
                        List.of(
                                "return the absolute difference between {in} and {in2}",
                                "return how far apart {in} and {in2} are"),
                        "distance",
                        (a, b) -> Math.abs(Math.subtractExact(a, b))));
        for (Combine c : combines) {
            all.add(new B("combine_" + c.id, ARITHMETIC, INT_PAIR, INT)
                    .expr(c.code)
                    .say(c.say.toArray(String[]::new))
                    .sayLast(c.sayLast.toArray(String[]::new))
                    .tags(List.of(c.tag, c.tag + "_pair"))
                    .names("combined", "value", "result")
                    .does((in, k) -> c.apply.apply(n(list(in).get(0)), n(list(in).get(1)))));
        }
        for (Fn f : INT_FNS) {
            all.add(new B("num_" + f.id, ARITHMETIC, INT, INT)
                    .k(f.constant)
                    .expr(f.code.replace("{e}", "{in}"))
                    .say(objects(f.phrases, "{in}", "{in}", "{in}"))
                    .tags(f.tags)
                    .names("value", "result", f.tags.get(0))
                    .does(f.apply::apply));
        }
        all.add(new B("digit_sum", ARITHMETIC, INT, INT)
                .expr("sum(int({e}) for {e} in str(abs({in})))")
                .block("{out} = 0", "for {e} in str(abs({in})):", "    {out} += int({e})")
                .say("add up the digits of {in}", "compute the sum of the decimal digits of {in}")
                .sayLast("return the sum of the digits of {in}", "return the sum of the decimal digits of {in}")
                .tags("digit_sum", "digits_total")
                .names("digit_total", "total", "acc")
                .does((in, k) -> Long.toString(Math.abs(n(in)))
                        .chars()
                        .mapToLong(c -> c - '0')
                        .sum()));
        all.add(new B("digit_count", ARITHMETIC, INT, INT)
                .expr("len(str(abs({in})))")
                .say("count the decimal digits of {in}", "compute how many digits {in} has")
                .sayLast("return the number of digits of {in}", "return how many decimal digits {in} has")
                .tags("digit_count", "n_digits")
                .names("n_digits", "width", "digits")
                .does((in, k) -> (long) Long.toString(Math.abs(n(in))).length()));
        all.add(new B("range", ARITHMETIC, INT, INTS)
                .expr("list(range(1, {in} + 1))")
                .block("{out} = []", "for {e} in range(1, {in} + 1):", "    {out}.append({e})")
                .say("list the numbers from 1 to {in}", "build the list 1, 2, ..., {in} (empty if {in} is below 1)")
                .sayLast(
                        "return the list of numbers from 1 to {in}",
                        "return [1, 2, ..., {in}], or an empty list if {in} is below 1")
                .tags("up_to", "upto_list")
                .names("numbers", "steps", "counting")
                .does((in, k) -> upTo(n(in))));
        all.add(new B("greater", ARITHMETIC, INT, BOOL)
                .k(THRESHOLD)
                .expr("{in} > {k}")
                .say("check whether {in} is greater than {k}", "compare {in} with {k}, checking whether it is larger")
                .sayLast("return True if {in} is greater than {k}, otherwise False", "return whether {in} exceeds {k}")
                .tags("exceeds", "above")
                .names("above", "big_enough", "over")
                .does((in, k) -> n(in) > n(k)));
        all.add(new B("is_even", ARITHMETIC, INT, BOOL)
                .expr("{in} % 2 == 0")
                .say("check whether {in} is even", "check whether {in} is divisible by 2")
                .sayLast("return True if {in} is even, otherwise False", "return whether {in} is even")
                .tags("is_even", "even_check")
                .names("even", "is_even", "parity_ok")
                .does((in, k) -> Math.floorMod(n(in), 2) == 0));
    }

    private static void counting(List<Fragment> all) {
        record Source(String id, Family family, PyType in, PyType out, String what) {}
        for (Source src : List.of(
                new Source("values", NUMBERS, INTS, INT_COUNTS, "value"),
                new Source("words", WORDS, STRS, STR_COUNTS, "word"),
                new Source("chars", TEXT, STR, STR_COUNTS, "character"))) {
            String w = src.what;
            all.add(new B("count_" + src.id, COUNTING, src.in, src.out)
                    .expr("{{e}: {in}.count({e}) for {e} in {in}}")
                    .block("{out} = {}", "for {e} in {in}:", "    {out}[{e}] = {out}.get({e}, 0) + 1")
                    .say(
                            "count how often each " + w + " occurs in {in}",
                            "build a dictionary mapping each " + w + " of {in} to its number of occurrences",
                            "tally the " + w + "s of {in}")
                    .sayLast(
                            "return a dictionary mapping each " + w + " of {in} to the number of times it occurs",
                            "return how often each " + w + " occurs in {in}, as a dictionary",
                            "tally the " + w + "s of {in} in a dictionary and return it")
                    .tags(w + "_counts", "histogram")
                    .names("counts", "freq", "tally")
                    .does((in, k) -> counts(src.in == STR ? chars(in) : list(in))));
        }
        for (PyType dict : List.of(INT_COUNTS, STR_COUNTS)) {
            PyType keys = dict == INT_COUNTS ? INTS : STRS;
            String suffix = dict == INT_COUNTS ? "_int" : "_str";
            all.add(new B("distinct" + suffix, COUNTING, dict, INT)
                    .expr("len({in})")
                    .say("count the distinct keys of {in}", "count the entries of {in}")
                    .sayLast("return the number of distinct keys in {in}", "return how many entries {in} has")
                    .tags("distinct_count", "n_distinct")
                    .names("n_keys", "distinct", "size")
                    .does((in, k) -> (long) dict(in).size()));
            all.add(new B("top_count" + suffix, COUNTING, dict, INT)
                    .expr("max({in}.values(), default=0)")
                    .say("find the highest count in {in} (0 if it is empty)")
                    .sayLast(
                            "return the highest count in {in}, or 0 if it is empty",
                            "return the largest value of {in} (0 for an empty dictionary)")
                    .tags("top_count", "max_count")
                    .names("top", "highest", "best")
                    .does((in, k) -> dict(in).values().stream()
                            .mapToLong(Fragments::n)
                            .max()
                            .orElse(0)));
            all.add(new B("repeated" + suffix, COUNTING, dict, keys)
                    .expr("[{e} for {e} in {in} if {in}[{e}] > 1]")
                    .block("{out} = []", "for {e} in {in}:", "    if {in}[{e}] > 1:", "        {out}.append({e})")
                    .say(
                            "keep the keys of {in} whose count is greater than 1",
                            "select the keys of {in} that were seen more than once")
                    .sayLast(
                            "return the keys of {in} whose count is greater than 1",
                            "return the keys of {in} that occur more than once")
                    .tags("repeated", "duplicates")
                    .names("repeated", "dupes", "multiple")
                    .does((in, k) -> dict(in).entrySet().stream()
                            .filter(e -> n(e.getValue()) > 1)
                            .map(Map.Entry::getKey)
                            .toList()));
            all.add(new B("frequent" + suffix, COUNTING, dict, keys)
                    .k(MIN_COUNT)
                    .expr("[{e} for {e} in {in} if {in}[{e}] >= {k}]")
                    .say(
                            "keep the keys of {in} with a count of at least {k}",
                            "select the keys of {in} seen at least {k} times")
                    .sayLast(
                            "return the keys of {in} with a count of at least {k}",
                            "return the keys of {in} that occur at least {k} times")
                    .tags("frequent", "common")
                    .names("frequent", "common", "popular")
                    .does((in, k) -> dict(in).entrySet().stream()
                            .filter(e -> n(e.getValue()) >= n(k))
                            .map(Map.Entry::getKey)
                            .toList()));
            all.add(new B("sorted_keys" + suffix, COUNTING, dict, keys)
                    .expr("sorted({in})")
                    .say("sort the keys of {in}", "list the keys of {in} in sorted order")
                    .sayLast("return the keys of {in} in sorted order", "return the sorted keys of {in}")
                    .tags("sorted_keys", "keys")
                    .names("keys", "ordered", "ranked")
                    .does((in, k) -> sorted(new ArrayList<>(dict(in).keySet()), null)));
        }
    }

    private static void conditionals(List<Fragment> all) {
        all.add(new B("clamp", CONDITIONALS, INTS, INTS)
                .k(THRESHOLD)
                .expr("[{e} if {e} >= {k} else {k} for {e} in {in}]")
                .block(
                        "{out} = []",
                        "for {e} in {in}:",
                        "    if {e} >= {k}:",
                        "        {out}.append({e})",
                        "    else:",
                        "        {out}.append({k})")
                .say(
                        "replace every element of {in} that is less than {k} by {k}",
                        "raise each value of {in} below {k} up to {k}")
                .tags("clamped", "floored")
                .names("clamped", "floored", "bounded")
                .does((in, k) -> map(in, x -> Math.max(n(x), n(k)))));
        all.add(new B("rectify", CONDITIONALS, INTS, INTS)
                .expr("[{e} if {e} > 0 else 0 for {e} in {in}]")
                .block(
                        "{out} = []",
                        "for {e} in {in}:",
                        "    if {e} > 0:",
                        "        {out}.append({e})",
                        "    else:",
                        "        {out}.append(0)")
                .say("replace every negative element of {in} by 0", "turn the negative values of {in} into 0")
                .tags("rectified", "non_negative")
                .names("rectified", "clipped", "nonneg")
                .does((in, k) -> map(in, x -> Math.max(n(x), 0L))));
        String[][] levels = {{"high", "low"}, {"big", "small"}, {"over", "under"}, {"pass", "fail"}, {"hot", "cold"}};
        for (String[] pair : levels) {
            String a = PyLiterals.str(pair[0]);
            String b = PyLiterals.str(pair[1]);
            all.add(new B("label_" + pair[0], CONDITIONALS, INT, STR)
                    .k(THRESHOLD)
                    .expr(a + " if {in} > {k} else " + b)
                    .returns("if {in} > {k}:", "    return " + a, "return " + b)
                    .sayLast(
                            "return " + a + " if {in} is greater than {k}, otherwise " + b,
                            "return " + a + " when {in} exceeds {k} and " + b + " otherwise")
                    .tags("level", "grade")
                    .names("label")
                    .does((in, k) -> n(in) > n(k) ? pair[0] : pair[1]));
        }
        all.add(new B("parity", CONDITIONALS, INT, STR)
                .expr("'even' if {in} % 2 == 0 else 'odd'")
                .returns("if {in} % 2 == 0:", "    return 'even'", "return 'odd'")
                .sayLast("return 'even' if {in} is even, otherwise 'odd'", "return the parity of {in}, 'even' or 'odd'")
                .tags("parity", "even_or_odd")
                .names("label")
                .does((in, k) -> Math.floorMod(n(in), 2) == 0 ? "even" : "odd"));
        all.add(new B("sign", CONDITIONALS, INT, STR)
                .expr("'positive' if {in} > 0 else 'negative' if {in} < 0 else 'zero'")
                .returns(
                        "if {in} > 0:",
                        "    return 'positive'",
                        "if {in} < 0:",
                        "    return 'negative'",
                        "return 'zero'")
                .sayLast(
                        "return 'positive', 'negative' or 'zero' according to the sign of {in}",
                        "return the sign of {in} as a word: 'positive', 'negative' or 'zero'")
                .tags("sign", "sign_word")
                .names("label")
                .does((in, k) -> n(in) > 0 ? "positive" : n(in) < 0 ? "negative" : "zero"));
        String[][] answers = {{"yes", "no"}, {"found", "missing"}, {"ok", "bad"}};
        for (String[] pair : answers) {
            String a = PyLiterals.str(pair[0]);
            String b = PyLiterals.str(pair[1]);
            all.add(new B("answer_" + pair[0], CONDITIONALS, BOOL, STR)
                    .expr(a + " if {in} else " + b)
                    .returns("if {in}:", "    return " + a, "return " + b)
                    .sayLast(
                            "return " + a + " if {in} is true, otherwise " + b,
                            "answer " + a + " or " + b + " according to {in}")
                    .tags("answer", "verdict")
                    .names("answer")
                    .does((in, k) -> (Boolean) in ? pair[0] : pair[1]));
        }
    }

    /** Expands phrases written with {obj} for the objects a list step works on. */
    private static String[] objects(List<String> phrases, String... objects) {
        String[] out = new String[phrases.size()];
        for (int i = 0; i < out.length; i++) out[i] = phrases.get(i).replace("{obj}", objects[i % objects.length]);
        return out;
    }

    /** Filter, count, any and all over one predicate. */
    private static void predicateSteps(
            List<Fragment> all, Family family, PyType in, Pred p, String items, String item) {
        String code = p.code;
        String adj = p.adj;
        String tag = p.tags.get(0);
        all.add(new B("filter_" + p.id, family, in, in)
                .k(p.constant)
                .expr("[{e} for {e} in {in} if " + code + "]")
                .block("{out} = []", "for {e} in {in}:", "    if " + code + ":", "        {out}.append({e})")
                .say(
                        "keep the " + items + " of {in} that are " + adj,
                        "select the values in {in} that are " + adj,
                        "filter {in} down to the " + items + " that are " + adj)
                .sayLast(
                        "return the " + items + " of {in} that are " + adj,
                        "return a list of the values in {in} that are " + adj,
                        "return only the " + items + " of {in} that are " + adj)
                .tags(p.tags)
                .names(tag, "kept", "selected")
                .does((xs, k) ->
                        list(xs).stream().filter(x -> p.test.test(x, k)).toList()));
        all.add(new B("count_" + p.id, family, in, INT)
                .k(p.constant)
                .expr("sum(1 for {e} in {in} if " + code + ")")
                .block("{out} = 0", "for {e} in {in}:", "    if " + code + ":", "        {out} += 1")
                .say("count the " + items + " of {in} that are " + adj, "count how many values in {in} are " + adj)
                .sayLast(
                        "return how many " + items + " of {in} are " + adj,
                        "return the number of values in {in} that are " + adj,
                        "count the " + items + " of {in} that are " + adj + " and return the count")
                .tags("count_" + tag, "n_" + tag)
                .names("count", "n_found", "tally")
                .does((xs, k) ->
                        list(xs).stream().filter(x -> p.test.test(x, k)).count()));
        all.add(new B("any_" + p.id, family, in, BOOL)
                .k(p.constant)
                .expr("any(" + code + " for {e} in {in})")
                .block("{out} = False", "for {e} in {in}:", "    if " + code + ":", "        {out} = True")
                .say(
                        "check whether any " + item + " of {in} is " + adj,
                        "check whether {in} has a value that is " + adj)
                .sayLast(
                        "return True if any " + item + " of {in} is " + adj + ", otherwise False",
                        "return whether some value in {in} is " + adj)
                .tags("has_" + tag, "any_" + tag)
                .names("found", "seen", "exists")
                .does((xs, k) -> list(xs).stream().anyMatch(x -> p.test.test(x, k))));
        all.add(new B("all_" + p.id, family, in, BOOL)
                .k(p.constant)
                .expr("all(" + code + " for {e} in {in})")
                .block("{out} = True", "for {e} in {in}:", "    if not " + code + ":", "        {out} = False")
                .say(
                        "check whether every " + item + " of {in} is " + adj,
                        "check whether all values in {in} are " + adj)
                .sayLast(
                        "return True if every " + item + " of {in} is " + adj + ", otherwise False",
                        "return whether all values in {in} are " + adj)
                .tags("all_" + tag, "only_" + tag)
                .names("ok", "valid", "every")
                .does((xs, k) -> list(xs).stream().allMatch(x -> p.test.test(x, k))));
    }

    // ---- Python semantics on Java values ----

    static long n(Object o) {
        return (Long) o;
    }

    static String s(Object o) {
        return (String) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> dict(Object o) {
        return (Map<Object, Object>) o;
    }

    private static List<Object> map(Object in, java.util.function.Function<Object, Object> f) {
        List<Object> out = new ArrayList<>();
        for (Object x : list(in)) out.add(f.apply(x));
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> sorted(Object in, Comparator<Object> order) {
        List<Object> out = new ArrayList<>(list(in));
        out.sort(order == null ? (Comparator) Comparator.naturalOrder() : order);
        return out;
    }

    private static List<Object> reversed(Object in) {
        List<Object> out = new ArrayList<>(list(in));
        Collections.reverse(out);
        return out;
    }

    private static List<Object> chars(Object in) {
        List<Object> out = new ArrayList<>();
        for (char c : s(in).toCharArray()) out.add(String.valueOf(c));
        return out;
    }

    private static String join(List<Object> parts, String sep) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) out.append(i == 0 ? "" : sep).append(s(parts.get(i)));
        return out.toString();
    }

    private static List<Object> split(String s) {
        List<Object> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static Map<Object, Object> counts(List<Object> items) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object x : items) out.merge(x, 1L, (a, b) -> n(a) + n(b));
        return out;
    }

    private static List<Object> upTo(long n) {
        if (n > RANGE_LIMIT) throw new ArithmeticException("range too long for a test: " + n);
        List<Object> out = new ArrayList<>();
        for (long i = 1; i <= n; i++) out.add(i);
        return out;
    }

    private static String everyOther(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 2) out.append(s.charAt(i));
        return out.toString();
    }

    private static String capitalize(String w) {
        return w.isEmpty()
                ? w
                : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String swapCase(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static boolean isDigit(Object c) {
        char ch = s(c).charAt(0);
        return ch >= '0' && ch <= '9';
    }

    private static boolean isUpper(Object c) {
        char ch = s(c).charAt(0);
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean isLower(Object c) {
        char ch = s(c).charAt(0);
        return ch >= 'a' && ch <= 'z';
    }

    private static boolean isLetter(Object c) {
        return isUpper(c) || isLower(c);
    }

    /** Fluent construction of one fragment; only used while building the catalogue. */
    private static final class B {
        private final String id;
        private final Family family;
        private final PyType in;
        private final PyType out;
        private ConstSpec constant;
        private String expr;
        private List<String> block;
        private boolean blockReturns;
        private List<String> phrases = List.of();
        private List<String> finalPhrases = List.of();
        private List<String> tags = List.of();
        private List<String> names = List.of();

        B(String id, Family family, PyType in, PyType out) {
            this.id = id;
            this.family = family;
            this.in = in;
            this.out = out;
        }

        B k(ConstSpec constant) {
            this.constant = constant;
            return this;
        }

        B expr(String expr) {
            this.expr = expr;
            return this;
        }

        B block(String... lines) {
            this.block = List.of(lines);
            return this;
        }

        /** An if/else block that returns by itself: the step can only end a function. */
        B returns(String... lines) {
            this.block = List.of(lines);
            this.blockReturns = true;
            return this;
        }

        B say(String... phrases) {
            this.phrases = List.of(phrases);
            return this;
        }

        B sayLast(String... phrases) {
            this.finalPhrases = List.of(phrases);
            return this;
        }

        B tags(String... tags) {
            return tags(List.of(tags));
        }

        B tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        B names(String... names) {
            this.names = List.of(names);
            return this;
        }

        Fragment does(Semantics semantics) {
            return new Fragment(
                    id,
                    family,
                    in,
                    out,
                    constant,
                    expr,
                    block,
                    blockReturns,
                    phrases,
                    finalPhrases,
                    tags,
                    names,
                    semantics);
        }
    }
}
