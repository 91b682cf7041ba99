package ablation.reports.stats;

import java.util.Arrays;

/**
 * Intervals for scalar metrics measured once per seed (bits per byte, understanding): the
 * t-based 95% interval of the seed mean when there are at least two seeds, else the value alone.
 */
public final class SeedStats {
    private SeedStats() {}

    /** Mean of the seeds' values, with {@code mean +- t(0.975, s-1) * sd / sqrt(s)} when s >= 2. */
    public static Estimate mean(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("a seed mean needs at least one value");
        double mean = Arrays.stream(values).average().orElseThrow();
        if (values.length < 2) return Estimate.point(mean, values.length);
        double half = StudentT.quantile(0.975, values.length - 1.0) * Math.sqrt(variance(values, mean) / values.length);
        return new Estimate(mean, mean - half, mean + half, values.length);
    }

    /**
     * {@code mean(treatment) - mean(reference)} with Welch's t interval (unequal variances,
     * Welch-Satterthwaite degrees of freedom) when both arms have at least two seeds, else the
     * difference alone.
     */
    public static Estimate difference(double[] reference, double[] treatment) {
        if (reference.length == 0 || treatment.length == 0) throw new IllegalArgumentException("a difference needs values on both sides");
        double mr = Arrays.stream(reference).average().orElseThrow();
        double mt = Arrays.stream(treatment).average().orElseThrow();
        int seeds = Math.min(reference.length, treatment.length);
        if (seeds < 2) return Estimate.point(mt - mr, seeds);
        double vr = variance(reference, mr) / reference.length;
        double vt = variance(treatment, mt) / treatment.length;
        double se = Math.sqrt(vr + vt);
        if (se == 0) return new Estimate(mt - mr, mt - mr, mt - mr, seeds);
        double df = (vr + vt) * (vr + vt) / (vr * vr / (reference.length - 1) + vt * vt / (treatment.length - 1));
        double half = StudentT.quantile(0.975, df) * se;
        return new Estimate(mt - mr, mt - mr - half, mt - mr + half, seeds);
    }

    /** Sample variance (n - 1 in the denominator). */
    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) sum += (v - mean) * (v - mean);
        return sum / (values.length - 1);
    }
}
