package ablation.core.stats;

/** How an interval was obtained; reports and views print it beside the interval. */
public enum IntervalKind {
    /** Student's t over the seed means (Welch's for a difference): covers seed-to-seed spread. */
    SEED_T("t interval over seed means"),
    /** Percentile bootstrap over problems of one seed: blind to seed-to-seed spread, so exploratory. */
    PROBLEM_BOOTSTRAP("bootstrap over problems (1 seed)"),
    /** A value measured without an interval. */
    NONE("no interval");

    private final String description;

    IntervalKind(String description) {
        this.description = description;
    }

    /** "t interval over seed means". */
    public String description() {
        return description;
    }
}
