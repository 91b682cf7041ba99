package ablation.engine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MutationsTest {
    @Test
    void eachSwapConstantAndLineGivesOneMutantInAFixedOrder() {
        String body = "    y = x2 + 3\n    return y * 1.5\n";
        List<String> mutants = Mutations.of(body);
        assertEquals(List.of(
                "    y = x2 - 3\n    return y * 1.5\n",   // + -> -
                "    y = x2 + 3\n    return y + 1.5\n",   // * -> +
                "    y = x2 + 4\n    return y * 1.5\n",   // 3 -> 4; neither x2 nor 1.5 is an integer literal
                "    return y * 1.5\n",                   // first line dropped
                "    y = x2 + 3\n"), mutants);            // last line dropped
        assertEquals(mutants, Mutations.of(body));
    }

    @Test
    void everyOccurrenceIsMutatedSeparatelyAndAOneLineBodyKeepsItsLine() {
        List<String> mutants = Mutations.of("    return a < b < c\n");
        assertEquals(List.of("    return a > b < c\n", "    return a < b > c\n"), mutants);
        assertFalse(mutants.contains(""));
        assertTrue(Mutations.of("    return sorted(xs)\n").isEmpty());
    }
}
