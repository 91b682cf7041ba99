package ablation.storage.eval;

/**
 * One generated completion and what running it gave, kept for inspection.
 *
 * @param verdict {@code passed}, {@code failed}, {@code timeout}, {@code error}, ...: only
 *                {@link #PASSED} counts as a pass
 * @param detail  e.g. the assertion or error message; may be null
 */
public record Sample(int index, String completion, String verdict, String detail) {
    public static final String PASSED = "passed";

    public boolean passed() {
        return PASSED.equals(verdict);
    }
}
