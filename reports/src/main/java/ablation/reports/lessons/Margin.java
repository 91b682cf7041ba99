package ablation.reports.lessons;

import ablation.core.stats.Estimate;

/**
 * The difference a verdict counts as negligible: a fraction of the reference arm's value, e.g. 10%
 * of the causal baseline's pass@1 of 0.075, 0.0075.
 *
 * @param relative the fraction, from the study file (default 0.1)
 * @param reference the arm the margin is relative to
 * @param referenceValue that arm's value
 */
public record Margin(double relative, String reference, double referenceValue) {
    public double absolute() {
        return relative * Math.abs(referenceValue);
    }

    /** "0.0075 (10% of causal's 0.075)". */
    public String text() {
        return Estimate.number(absolute(), 4) + " (" + Math.round(relative * 1000) / 10.0 + "% of " + reference + "'s "
                + Estimate.number(referenceValue, 3) + ")";
    }
}
