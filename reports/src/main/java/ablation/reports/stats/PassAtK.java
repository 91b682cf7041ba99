package ablation.reports.stats;

import ablation.reports.model.ProblemResult;
import java.util.List;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): the chance that at least one of k samples,
 * drawn without replacement from n of which c pass, passes.
 */
public final class PassAtK {
    private PassAtK() {}

    /**
     * {@code 1 - C(n-c, k) / C(n, k)}, computed as {@code 1 - prod_{i=n-c+1..n} (1 - k/i)} for
     * numerical stability; 1 when fewer than k samples fail.
     */
    public static double of(int n, int c, int k) {
        if (k < 1 || k > n) throw new IllegalArgumentException("pass@k needs 1 <= k <= n; k = " + k + ", n = " + n);
        if (c < 0 || c > n) throw new IllegalArgumentException("pass@k needs 0 <= c <= n; c = " + c + ", n = " + n);
        if (n - c < k) return 1.0;
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double) k / i;
        return 1.0 - allFail;
    }

    public static double of(ProblemResult problem, int k) {
        return of(problem.n(), problem.c(), k);
    }

    /** Per-problem pass@k, in the problems' order. */
    public static double[] perProblem(List<ProblemResult> problems, int k) {
        return problems.stream().mapToDouble(p -> of(p, k)).toArray();
    }

    /** The benchmark's pass@k: the mean over problems. */
    public static double mean(List<ProblemResult> problems, int k) {
        double sum = 0;
        for (ProblemResult p : problems) sum += of(p, k);
        return sum / problems.size();
    }
}
