package ablation.reports.model;

/** Training loss after {@code tokens} training tokens. */
public record LossPoint(long tokens, double loss) {
    public LossPoint {
        if (tokens < 0) throw new IllegalArgumentException("loss point tokens = " + tokens + " must not be negative");
    }
}
