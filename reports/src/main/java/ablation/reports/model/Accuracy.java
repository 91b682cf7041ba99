package ablation.reports.model;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalKind;

/**
 * A run's accuracy on one of the evaluation tests, as stored: the understanding test (the share of
 * minimal pairs where the model found the correct body likelier, 0.5 being chance, interval over
 * programs) or the last-word test (the share of held-out prose items whose last word the model
 * predicts, interval over documents), with its 95% bootstrap interval (NaN bounds when the run did
 * not store them).
 */
public record Accuracy(double accuracy, double low, double high) {
    /** The accuracy with its one-seed bootstrap interval, or alone when the bounds are missing. */
    public Estimate estimate() {
        return Double.isNaN(low) || Double.isNaN(high)
                ? Estimate.point(accuracy, 1)
                : new Estimate(accuracy, low, high, 1, IntervalKind.PROBLEM_BOOTSTRAP);
    }
}
