package ablation.core.config;

import java.util.Arrays;

/** Validation helpers for the configuration records' constructors. */
public final class Check {
    private Check() {}

    public static int positive(String field, int value) {
        if (value <= 0) throw new ConfigException(field, value, "must be positive");
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) throw new ConfigException(field, value, "must be positive");
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value))
            throw new ConfigException(field, value, "must be a positive number");
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) throw new ConfigException(field, value, "must not be negative");
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value))
            throw new ConfigException(field, value, "must be a non-negative number");
        return value;
    }

    /** A probability-like value in [0, 1]. */
    public static double fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) throw new ConfigException(field, value, "must be between 0 and 1");
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) throw new ConfigException(field, null, "is required");
        return value;
    }

    public static String oneOf(String field, String value, String... allowed) {
        if (value == null || !Arrays.asList(allowed).contains(value)) {
            throw new ConfigException(field, value, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
