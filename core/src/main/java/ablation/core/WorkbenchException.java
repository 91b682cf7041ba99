package ablation.core;

/**
 * The project's one user-facing error: its message says what went wrong and what to do about it.
 * The command line prints the message (no stack trace) and exits with code 2; it is logged once,
 * where it is caught, never where it is thrown.
 */
public class WorkbenchException extends RuntimeException {
    public WorkbenchException(String message) {
        super(message);
    }

    public WorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
