package ablation.reports.model;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalKind;

/**
 * A run's understanding test: the share of minimal pairs (a held-out function's body against a
 * broken mutant) where the model found the correct body likelier, 0.5 being chance, with its 95%
 * bootstrap interval over programs (NaN bounds when the run did not store them).
 */
public record Understanding(double accuracy, double low, double high) {
    /** The accuracy with its one-seed bootstrap interval, or alone when the bounds are missing. */
    public Estimate estimate() {
        return Double.isNaN(low) || Double.isNaN(high)
                ? Estimate.point(accuracy, 1)
                : new Estimate(accuracy, low, high, 1, IntervalKind.PROBLEM_BOOTSTRAP);
    }
}
