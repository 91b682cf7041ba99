package ablation.engine.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tokens a trained tokenizer adds on top of its learned BPE vocabulary, in id order after it.
 *
 * <p><b>Special tokens</b> ({@code special: true}): end of text, padding, the span-corruption sentinels
 * {@code <sep>}, {@code <eom>}, {@code <mask_1>}…{@code <mask_N>}, and the FIM sentinels. Callers insert
 * their ids; {@link Tokenizer#encode} never produces them, even from text that spells them.
 *
 * <p><b>Indentation tokens</b> ({@code special: false}): one token per run of 2…{@value #MAX_SPACE_RUN}
 * spaces and 2…{@value #MAX_TAB_RUN} tabs, as CodeGen's released tokenizers have. They are added tokens
 * rather than forced BPE merges because GPT-2's split pattern cuts an indentation run before the last
 * space ({@code "    return"} becomes {@code "   "}, {@code " return"}), so merges could only ever form
 * runs of odd lengths glued to the next word; as added tokens, Hugging Face matches the longest run
 * first, anywhere in the text, and the rest of the text is byte-level BPE as usual. Both choices are
 * lossless: an added token decodes to exactly its content. Training splits the text the same way
 * ({@link #splitRuns}), so the merges are learned on what encode will see.
 */
final class AddedTokens {
    private AddedTokens() {}

    static final int MAX_SPACE_RUN = 32;
    static final int MAX_TAB_RUN = 8;

    /** The special tokens of a trained tokenizer, in id order. */
    static List<String> specials(int maskTokens) {
        List<String> tokens = new ArrayList<>(List.of(
                Tokenizer.END_OF_TEXT,
                Tokenizer.PAD,
                Tokenizer.SEP,
                Tokenizer.END_OF_MASK,
                Tokenizer.FIM_PREFIX,
                Tokenizer.FIM_SUFFIX,
                Tokenizer.FIM_MIDDLE));
        for (int k = 1; k <= maskTokens; k++) tokens.add(Tokenizer.mask(k));
        return tokens;
    }

    /** The indentation tokens, longest first within spaces and within tabs. */
    static List<String> whitespaceRuns() {
        List<String> tokens = new ArrayList<>();
        for (int n = MAX_SPACE_RUN; n >= 2; n--) tokens.add(" ".repeat(n));
        for (int n = MAX_TAB_RUN; n >= 2; n--) tokens.add("\t".repeat(n));
        return tokens;
    }

    /** How many tokens a trained tokenizer adds: specials plus indentation runs. */
    static int count(int maskTokens) {
        return specials(maskTokens).size() + (MAX_SPACE_RUN - 1) + (MAX_TAB_RUN - 1);
    }

    /**
     * Calls {@code piece} with the stretches of {@code text} between indentation tokens, as Hugging Face's
     * leftmost-longest added-token matching cuts it: a run of 2 or more spaces (tabs) becomes tokens of
     * at most {@value #MAX_SPACE_RUN} ({@value #MAX_TAB_RUN}), and a single character left over joins
     * the following text.
     */
    static void splitRuns(String text, Consumer<String> piece) {
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                i++;
                continue;
            }
            int end = i;
            while (end < n && text.charAt(end) == c) end++;
            int run = end - i;
            if (run < 2) {
                i = end;
                continue;
            }
            int max = c == ' ' ? MAX_SPACE_RUN : MAX_TAB_RUN;
            int leftover = run % max == 1 ? 1 : 0;
            if (i > start) piece.accept(text.substring(start, i));
            start = end - leftover;
            i = end;
        }
        if (start < n) piece.accept(text.substring(start));
    }
}
