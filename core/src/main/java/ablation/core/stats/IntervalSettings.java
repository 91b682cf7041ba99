package ablation.core.stats;

import java.util.Locale;

/**
 * The one settings object of every interval the workbench shows: the confidence level, and for
 * the bootstrap its number of resamples and the seed of its draws. Reports, the command line and
 * the desktop app all use {@link #DEFAULT}, so an arm shows the same interval everywhere.
 *
 * @param resamples bootstrap replicates
 * @param seed the resampling seed: the same data always give the same interval
 * @param confidence the interval's nominal coverage, e.g. 0.95
 */
public record IntervalSettings(int resamples, long seed, double confidence) {
    public static final IntervalSettings DEFAULT = new IntervalSettings(2000, 20230503L, 0.95);

    public IntervalSettings {
        if (resamples < 100) throw new IllegalArgumentException("resamples = " + resamples + " must be at least 100");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + " must be in (0, 1)");
        }
    }

    /** The same settings at another confidence, e.g. a Holm-adjusted one. */
    public IntervalSettings withConfidence(double level) {
        return new IntervalSettings(resamples, seed, level);
    }

    /** The quantile below the interval, e.g. 0.025 for 95%. */
    public double lowerTail() {
        return (1 - confidence) / 2;
    }

    /** "95%". */
    public String percent() {
        double percent = confidence * 100;
        return (percent == Math.rint(percent)
                        ? String.valueOf((long) percent)
                        : String.format(Locale.ROOT, "%.1f", percent))
                + "%";
    }
}
