package ablation.reports.lessons;

import java.util.Locale;

/** What the measurements say about a claim. */
public enum Outcome {
    SUPPORTS,
    CONTRADICTS,
    INCONCLUSIVE,
    /** Fewer than two seeds: no interval covers seed-to-seed spread, so direction and intervals only. */
    EXPLORATORY;

    /** "supports", ..., "exploratory (1 seed)". */
    public String word() {
        return this == EXPLORATORY ? "exploratory (1 seed)" : name().toLowerCase(Locale.ROOT);
    }

    /** A decision the study may report: supports or contradicts. */
    public boolean decides() {
        return this == SUPPORTS || this == CONTRADICTS;
    }
}
