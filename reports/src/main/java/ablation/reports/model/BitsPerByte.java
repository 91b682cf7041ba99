package ablation.reports.model;

/** Held-out bits per byte of a run on one source (lower is better). */
public record BitsPerByte(String source, Domain domain, double value) {
    public BitsPerByte {
        if (source == null || domain == null)
            throw new IllegalArgumentException("bits per byte needs a source and a domain");
        if (!(value >= 0) || Double.isInfinite(value))
            throw new IllegalArgumentException(
                    "bits per byte of " + source + " = " + value + " must be a non-negative number");
    }
}
