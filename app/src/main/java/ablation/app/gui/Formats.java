package ablation.app.gui;

import java.util.Locale;

/** Numbers as the views show them: {@code 2.0M} tokens, {@code 56.3 T} FLOPs, {@code 2 min 40 s}. */
public final class Formats {
    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E"};

    private Formats() {}

    /** 1234 → {@code 1.2k}; 2000000 → {@code 2.0M}; below 1000 as is. */
    public static String si(double value) {
        if (Math.abs(value) < 1000)
            return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3g", value);
        int power = 0;
        while (Math.abs(value) >= 999.95 && power < PREFIXES.length - 1) {
            value /= 1000;
            power++;
        }
        return String.format(Locale.ROOT, "%.1f%s", value, PREFIXES[power]);
    }

    /** {@code 12 s}, {@code 2 min 40 s}, {@code 1 h 05 min}, {@code 3 d 4 h}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return s / 60 + " min " + s % 60 + " s";
        if (s < 86_400) return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}
