package ablation.engine.objective;

import java.util.Arrays;

/**
 * A run of tokens from one document. When it reaches the document's end its last token is the
 * {@code <|endoftext|>} separator.
 */
public record Piece(int[] tokens, boolean endsDocument) {
    public int length() {
        return tokens.length;
    }

    /** The document's tokens without the trailing separator. */
    public int[] text() {
        return endsDocument ? Arrays.copyOf(tokens, tokens.length - 1) : tokens;
    }
}
