package ablation.engine.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.engine.understanding.Mutations.Kind;
import ablation.engine.understanding.Mutations.Mutant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutationsTest {
    @Test
    void operatorsComparisonsConstantsAndArgumentOrderEachGiveOneMutantInAFixedOrder() {
        String body = "    y = x2 + 3\n    return max(y, 1.5) < 2\n";
        List<Mutant> mutants = Mutations.of(body);
        assertEquals(
                List.of(
                        new Mutant(Kind.OPERATOR, "    y = x2 - 3\n    return max(y, 1.5) < 2\n"),
                        new Mutant(Kind.OPERATOR, "    y = x2 + 3\n    return min(y, 1.5) < 2\n"),
                        new Mutant(Kind.COMPARISON, "    y = x2 + 3\n    return max(y, 1.5) > 2\n"),
                        new Mutant(
                                Kind.CONSTANT,
                                "    y = x2 + 4\n    return max(y, 1.5) < 2\n"), // neither x2 nor 1.5 is an integer
                        new Mutant(Kind.CONSTANT, "    y = x2 + 3\n    return max(y, 1.5) < 3\n"),
                        new Mutant(Kind.SWAPPED_ARGUMENTS, "    y = x2 + 3\n    return max(1.5, y) < 2\n")),
                mutants);
        assertEquals(mutants, Mutations.of(body));
    }

    @Test
    void everyOccurrenceIsMutatedSeparatelyAndNoLineIsDropped() {
        List<Mutant> mutants = Mutations.of("    return a < b < c\n");
        assertEquals(
                List.of(
                        new Mutant(Kind.COMPARISON, "    return a > b < c\n"),
                        new Mutant(Kind.COMPARISON, "    return a < b > c\n")),
                mutants);
        assertTrue(Mutations.of("    return len(xs)\n").isEmpty());
        assertTrue(Mutations.of("    return pow(x, x)\n").isEmpty(), "swapping equal arguments changes nothing");
    }
}
