package ablation.reports.model;

/** Where a planned run stands. Only finished runs enter the statistics; the others are listed by name. */
public enum RunStatus {
    FINISHED,
    /** Started and ended with an error; whatever it logged before failing is kept. */
    FAILED,
    /** Planned but has no result: never started, still queued, or still running. */
    MISSING;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
