package ablation.storage.eval;

/**
 * The outcome of one problem at one checkpoint of one run: {@code n} samples of which {@code c}
 * passed. {@code mode} is {@code l2r} or {@code infill}.
 */
public record EvalResult(long runId, long checkpointStep, String benchmark, String mode, String problem, int n, int c) {
    public EvalResult {
        if (n < 1 || c < 0 || c > n) {
            throw new IllegalArgumentException(
                    "problem " + problem + ": need n >= 1 and 0 <= c <= n, got n=" + n + " c=" + c);
        }
    }
}
