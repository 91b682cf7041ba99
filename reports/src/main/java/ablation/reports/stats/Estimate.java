package ablation.reports.stats;

import java.util.Locale;

/**
 * A value with its 95% interval, and how many seeds it rests on. The interval is absent (NaN
 * bounds) when it cannot be computed: a scalar metric measured with one seed.
 */
public record Estimate(double value, double low, double high, int seeds) {
    public Estimate {
        if (hasBounds(low, high) && !(low <= high)) throw new IllegalArgumentException("interval [" + low + ", " + high + "] is reversed");
    }

    /** A value without an interval. */
    public static Estimate point(double value, int seeds) {
        return new Estimate(value, Double.NaN, Double.NaN, seeds);
    }

    public boolean hasInterval() {
        return hasBounds(low, high);
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

    /** Fixed decimals in the root locale, with "n/a" for NaN: the one number format of the report. */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value)) return "n/a";
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0\\.0*") ? text.substring(1) : text;
    }

    private static boolean hasBounds(double low, double high) {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
