package ablation.engine.eval.sandbox;

import java.util.Objects;

/**
 * The verdict on one program.
 *
 * @param error short text for failures ({@code "AssertionError: ..."}), empty when passed
 * @param seconds wall time of the candidate process
 */
public record ExecResult(Outcome outcome, String error, double seconds) {
    public ExecResult {
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? "" : error;
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
