package ablation.storage.metric;

/**
 * How a metric value is stored: finite values in the value column with flag 0; NaN and the
 * infinities as a NULL value and a flag, since H2 and PostgreSQL sort and aggregate non-finite
 * doubles differently (and MIN/MAX over the column should see finite values only).
 */
public final class NonFinite {
    public static final int FINITE = 0;
    public static final int NAN = 1;
    public static final int POSITIVE_INFINITY = 2;
    public static final int NEGATIVE_INFINITY = 3;

    private NonFinite() {}

    public static int flag(double value) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        if (value == Double.POSITIVE_INFINITY) {
            return POSITIVE_INFINITY;
        }
        return value == Double.NEGATIVE_INFINITY ? NEGATIVE_INFINITY : FINITE;
    }

    /** The value column for a value: null unless finite. */
    public static Double column(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The value back from its column and flag. */
    public static double decode(double column, int flag) {
        return switch (flag) {
            case FINITE -> column;
            case NAN -> Double.NaN;
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("unknown metric flag " + flag);
        };
    }
}
