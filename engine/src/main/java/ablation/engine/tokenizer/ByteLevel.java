package ablation.engine.tokenizer;

import java.util.regex.Pattern;

/**
 * GPT-2's byte-level conventions, as Hugging Face's {@code ByteLevel} pre-tokenizer and decoder apply
 * them: every byte of the UTF-8 text is shown as one printable character (so a vocabulary of strings
 * covers all 256 bytes and any text encodes without an unknown token), and text is first split into
 * words by GPT-2's regular expression.
 */
final class ByteLevel {
    private ByteLevel() {}

    /**
     * GPT-2's split pattern, the one {@code ByteLevel(use_regex=true)} applies, for training to see the
     * words encoding will. Java's {@code \s} is ASCII unless {@link Pattern#UNICODE_CHARACTER_CLASS};
     * Oniguruma's (used by tokenizers) is Unicode. Java 17 knows Unicode 13 while Oniguruma knows newer
     * letters (e.g. Unicode 16's hieroglyphs): around those rare characters training may cut words
     * differently, which only wastes a merge or two; encoding stays lossless.
     */
    static final Pattern SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final char[] BYTE_TO_CHAR = new char[256];

    static {
        // Printable Latin-1 bytes stand for themselves; the others (controls, space, 0x7F-0xA0, 0xAD)
        // are shifted to U+0100 onwards in byte order, exactly as GPT-2's bytes_to_unicode().
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CHAR[b] = (char) (printable ? b : 256 + shifted++);
        }
    }

    /** The character that stands for byte {@code b} (0-255) in a vocabulary entry. */
    static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** A vocabulary entry for a sequence of bytes: each byte replaced by its character. */
    static String tokenOf(byte[] bytes, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) chars[i - from] = charOf(bytes[i]);
        return new String(chars);
    }
}
