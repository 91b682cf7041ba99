package ablation.core.stats;

/** What the shaded band around a loss curve means; charts name it in their legend. */
public enum BandKind {
    /** From the lowest to the highest seed at each point: the spread the seeds actually showed. */
    SEED_RANGE("lowest to highest seed"),
    /** One run: no band around the line. */
    ONE_RUN("one run, no band"),
    /** One run downsampled: the lowest and highest value logged within each plotted bucket. */
    BUCKET_RANGE("range within each plotted bucket");

    private final String description;

    BandKind(String description) {
        this.description = description;
    }

    /** "lowest to highest seed". */
    public String description() {
        return description;
    }
}
