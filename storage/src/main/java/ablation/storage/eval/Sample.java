package ablation.storage.eval;

/**
 * One generated completion and what running it gave, kept for inspection.
 *
 * @param verdict {@code passed}, {@code failed}, {@code timeout}, {@code error}, ...: only
 *                {@link #PASSED} counts as a pass
 * @param detail  e.g. the assertion or error message; may be null
 * @param finishReason why its generation ended ({@code stop_token}, {@code stop_sequence}, {@code length},
 *                {@code prompt_too_long}); null when unknown (scored from a file, stored by an older version)
 */
public record Sample(int index, String completion, String verdict, String detail, String finishReason) {
    public static final String PASSED = "passed";

    /** A sample whose finish reason is unknown. */
    public Sample(int index, String completion, String verdict, String detail) {
        this(index, completion, verdict, detail, null);
    }

    public boolean passed() {
        return PASSED.equals(verdict);
    }
}
