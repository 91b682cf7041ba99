package ablation.reports.stats;

import ablation.reports.model.ProblemResult;
import java.util.List;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): the chance that at least one of k samples,
 * drawn without replacement from n of which c pass, passes, over the reports' problem records.
 */
public final class PassAtK {
    private PassAtK() {}

    /** The store's estimator ({@link ablation.storage.eval.PassAtK}): 1 when fewer than k samples fail. */
    public static double of(int n, int c, int k) {
        return ablation.storage.eval.PassAtK.estimate(n, c, k);
    }

    public static double of(ProblemResult problem, int k) {
        return of(problem.n(), problem.c(), k);
    }

    /** Per-problem pass@k, in the problems' order. */
    public static double[] perProblem(List<ProblemResult> problems, int k) {
        return problems.stream().mapToDouble(p -> of(p, k)).toArray();
    }
}
