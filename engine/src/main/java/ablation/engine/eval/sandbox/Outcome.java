package ablation.engine.eval.sandbox;

import java.util.Locale;

/** How one executed program ended: passed, or the kind of failure. */
public enum Outcome {
    PASSED,
    /** The check's {@code assert} failed: a wrong answer. */
    ASSERTION,
    /** Any other exception raised by the program or the check. */
    EXCEPTION,
    /** The program does not compile. */
    SYNTAX,
    /** Wall-clock or CPU time limit reached; the whole process group was killed. */
    TIMEOUT,
    /** {@code MemoryError} under the address-space limit. */
    MEMORY,
    /** The program ended the process itself ({@code sys.exit}, {@code os._exit}) before the check finished. */
    EXIT,
    /** Ended by a signal (file size limit, segmentation fault) or its sandbox worker died. */
    KILLED,
    /** Never generated nor executed: the problem's prompt does not fit the context even trimmed (counts as failed). */
    NOT_RUN;

    /** The lowercase name used in JSON and on the command line ({@code passed}, {@code timeout}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromLabel(String label) {
        for (Outcome outcome : values()) {
            if (outcome.label().equals(label)) return outcome;
        }
        throw new IllegalArgumentException("unknown outcome '" + label + "'");
    }
}
