package ablation.engine.sampling;

/**
 * One generated sample.
 *
 * @param text the decoded completion, cut before the first stop sequence; without the stop token
 * @param tokens the generated ids before the stop token (for a stop sequence, all of them: the cut
 *     falls on text, possibly inside a token)
 * @param finish why it ended
 */
public record Completion(String text, int[] tokens, Finish finish) {
    /** Why a sample ended. */
    public enum Finish {
        /** The model wrote a stop token ({@code <eom>}, {@code <|endoftext|>}). */
        STOP_TOKEN,
        /** The text reached a stop sequence. */
        STOP_SEQUENCE,
        /** {@code max_new_tokens} (or the end of the context) was reached. */
        LENGTH,
        /** Nothing was generated: the prompt does not fit the context even trimmed. */
        PROMPT_TOO_LONG;

        /** The lowercase name used in JSON, metric keys and the store ({@code stop_token}, ...). */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Tokens the model generated for this sample, a stop token included. */
    public int generated() {
        return tokens.length + (finish == Finish.STOP_TOKEN ? 1 : 0);
    }
}
