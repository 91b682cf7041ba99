package ablation.storage.eval;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): the chance that at least one of k samples
 * drawn without replacement from n, of which c passed, passes. {@code 1 - C(n-c, k) / C(n, k)},
 * computed as {@code 1 - prod_{i=n-c+1..n} (1 - k/i)} for numerical stability. (The engine has its
 * own copy for scoring; storage depends on no other module.)
 */
public final class PassAtK {
    private PassAtK() {
    }

    public static double estimate(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n) {
            throw new IllegalArgumentException("need n >= 1 and 0 <= c <= n, got n=" + n + " c=" + c);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("pass@" + k + " needs 1 <= k <= n (n=" + n + " samples)");
        }
        if (n - c < k) {
            return 1.0;
        }
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1.0 - (double) k / i;
        }
        return 1.0 - allFail;
    }
}
