package ablation.core.stats;

import java.util.Locale;

/**
 * A value with its interval, how many seeds it rests on and how the interval was obtained. The
 * interval is absent (NaN bounds, kind {@link IntervalKind#NONE}) when it cannot be computed: a
 * scalar metric measured with one seed.
 */
public record Estimate(double value, double low, double high, int seeds, IntervalKind kind) {
    public Estimate {
        if (kind == null) throw new IllegalArgumentException("an estimate needs its interval kind");
        if (hasBounds(low, high) && !(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is reversed");
        }
        if (hasBounds(low, high) == (kind == IntervalKind.NONE)) {
            throw new IllegalArgumentException(
                    "an estimate of kind " + kind + " with bounds [" + low + ", " + high + "]");
        }
    }

    /** A value without an interval. */
    public static Estimate point(double value, int seeds) {
        return new Estimate(value, Double.NaN, Double.NaN, seeds, IntervalKind.NONE);
    }

    /** This estimate with its interval cut to [{@code min}, {@code max}], the range the quantity can take. */
    public Estimate within(double min, double max) {
        if (!hasInterval()) return this;
        return new Estimate(value, Math.max(min, low), Math.min(max, high), seeds, kind);
    }

    public boolean hasInterval() {
        return hasBounds(low, high);
    }

    /** Whether the interval covers seed-to-seed spread (at least two seeds): what a verdict may rest on. */
    public boolean coversSeeds() {
        return kind == IntervalKind.SEED_T;
    }

    /** "0.231 [0.190, 0.270]", or "1.234 (1 seed)" when there is no interval. */
    public String format(int decimals) {
        String v = number(value, decimals);
        if (!hasInterval()) return v + (seeds == 1 ? " (1 seed)" : " (no interval)");
        return v + " [" + number(low, decimals) + ", " + number(high, decimals) + "]";
    }

    /** "[0.190, 0.270]", or "no interval". */
    public String formatInterval(int decimals) {
        return hasInterval() ? "[" + number(low, decimals) + ", " + number(high, decimals) + "]" : "no interval";
    }

    /** Fixed decimals in the root locale, with "n/a" for NaN: the one number format of reports and views. */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value)) return "n/a";
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0\\.0*") ? text.substring(1) : text;
    }

    private static boolean hasBounds(double low, double high) {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
