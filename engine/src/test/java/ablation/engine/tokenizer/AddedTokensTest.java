package ablation.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.config.TokenizerConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddedTokensTest {

    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        AddedTokens.splitRuns(text, out::add);
        return out;
    }

    @Test
    void indentationRunsAreCutOutOfTheText() {
        assertEquals(List.of("def f():\n", "return x\n"), pieces("def f():\n    return x\n"));
        assertEquals(List.of("a b\tc"), pieces("a b\tc"));
        assertEquals(List.of("x", "y"), pieces("x\t\t\ty"));
        assertEquals(List.of(), pieces("  "));
        assertEquals(List.of(), pieces(""));
    }

    @Test
    void aSingleSpaceLeftOverByTheLongestRunJoinsTheNextText() {
        int max = AddedTokens.MAX_SPACE_RUN;
        assertEquals(List.of(" x"), pieces(" ".repeat(max + 1) + "x"));
        assertEquals(List.of("x"), pieces(" ".repeat(max + 2) + "x"));
        assertEquals(List.of("a", "\tb"), pieces("a" + "\t".repeat(AddedTokens.MAX_TAB_RUN + 1) + "b"));
    }

    @Test
    void countsSpecialsAndRuns() {
        assertEquals(7 + 64, AddedTokens.specials(64).size());
        assertEquals(
                AddedTokens.specials(64).size() + AddedTokens.whitespaceRuns().size(), AddedTokens.count(64));
        assertEquals(
                Tokenizer.mask(64),
                AddedTokens.specials(64).get(AddedTokens.specials(64).size() - 1));
    }

    /** The config validates vocab_size against its own count of added tokens; it must be this list's. */
    @Test
    void theConfigCountsTheSameAddedTokens() {
        for (int masks : new int[] {1, 16, 64}) {
            assertEquals(AddedTokens.count(masks), TokenizerConfig.addedTokenCount(masks), masks + " masks");
        }
    }
}
