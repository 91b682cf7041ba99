package ablation.reports.lessons;

import java.util.Locale;

/** What the measurements say about a claim. */
public enum Outcome {
    SUPPORTS, CONTRADICTS, INCONCLUSIVE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
