package ablation.core.stats;

import java.util.List;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): the probability that at least one of k samples,
 * drawn without replacement from the n generated for a problem (c of them correct), passes.
 */
public final class PassAtK {
    private PassAtK() {}

    /**
     * {@code 1 - C(n-c, k) / C(n, k)}, computed as {@code 1 - prod_{i=n-c+1..n} (1 - k/i)}, which stays
     * accurate where the binomials overflow (n = 200, k = 100).
     *
     * @throws IllegalArgumentException when k is outside [1, n] or c outside [0, n]
     */
    public static double of(int n, int c, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException(
                    "pass@" + k + " needs 1 <= k <= n, but only n = " + n + " samples were scored");
        }
        if (c < 0 || c > n) throw new IllegalArgumentException("c = " + c + " must be in [0, n = " + n + "]");
        if (n - c < k) return 1.0;
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double) k / i;
        return 1.0 - allFail;
    }

    public static double of(ProblemCount count, int k) {
        return of(count.n(), count.correct(), k);
    }

    /** The mean over problems, the benchmark's pass@k. */
    public static double mean(List<ProblemCount> counts, int k) {
        if (counts.isEmpty()) throw new IllegalArgumentException("no problems to average");
        double sum = 0;
        for (ProblemCount count : counts) sum += of(count, k);
        return sum / counts.size();
    }
}
