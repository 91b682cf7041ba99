package ablation.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over problems, for what one seed measured: the interval says how much the
 * benchmark's mean would move with another draw of problems of the same kind. It is blind to the
 * spread between independently trained seeds, which is why {@link Intervals} uses it only with
 * one seed, and marks such intervals {@link IntervalKind#PROBLEM_BOOTSTRAP}.
 */
public final class Bootstrap {
    private final IntervalSettings settings;

    public Bootstrap(IntervalSettings settings) {
        this.settings = settings;
    }

    /** The mean over problems with its percentile interval. */
    public Estimate mean(double[] perProblem) {
        return difference(new double[perProblem.length], perProblem);
    }

    /**
     * {@code mean(treatment - reference)} over problems both answered (index by index), with one
     * problem draw serving both, so that problem difficulty cancels.
     */
    public Estimate difference(double[] reference, double[] treatment) {
        if (reference.length != treatment.length) {
            throw new IllegalArgumentException("paired problems: " + reference.length + " against " + treatment.length);
        }
        if (reference.length == 0) throw new IllegalArgumentException("no problems to bootstrap");
        int n = reference.length;
        double[] delta = new double[n];
        for (int p = 0; p < n; p++) delta[p] = treatment[p] - reference[p];
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] means = new double[settings.resamples()];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            for (int p = 0; p < n; p++) sum += delta[random.nextInt(n)];
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double value = Arrays.stream(delta).average().orElseThrow();
        double low = Math.min(value, quantile(means, settings.lowerTail()));
        double high = Math.max(value, quantile(means, 1 - settings.lowerTail()));
        return new Estimate(value, low, high, 1, IntervalKind.PROBLEM_BOOTSTRAP);
    }

    /**
     * {@code sum(numerators) / sum(denominators)} with its percentile interval, resampling whole
     * clusters (index by index): for a share measured over items that come in groups that are not
     * independent, such as the pairs of one held-out program.
     */
    public Estimate ratio(double[] numerators, double[] denominators) {
        if (numerators.length != denominators.length) {
            throw new IllegalArgumentException(
                    "clusters: " + numerators.length + " numerators against " + denominators.length + " denominators");
        }
        if (numerators.length == 0) throw new IllegalArgumentException("no clusters to bootstrap");
        int n = numerators.length;
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] ratios = new double[settings.resamples()];
        for (int b = 0; b < ratios.length; b++) {
            double top = 0;
            double bottom = 0;
            for (int c = 0; c < n; c++) {
                int drawn = random.nextInt(n);
                top += numerators[drawn];
                bottom += denominators[drawn];
            }
            ratios[b] = top / bottom;
        }
        Arrays.sort(ratios);
        double value =
                Arrays.stream(numerators).sum() / Arrays.stream(denominators).sum();
        double low = Math.min(value, quantile(ratios, settings.lowerTail()));
        double high = Math.max(value, quantile(ratios, 1 - settings.lowerTail()));
        return new Estimate(value, low, high, 1, IntervalKind.PROBLEM_BOOTSTRAP);
    }

    /** Linear interpolation between order statistics (the usual "type 7" quantile). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
