package ablation.storage.metric;

/**
 * One point of a series aggregated over seeds: the mean over the {@code n} runs that have a value
 * in this step bucket (each run contributes its mean over the bucket), with a t-based 95% band
 * {@code mean +- t(0.975, n-1) * sd / sqrt(n)}. With one run the band has zero width.
 */
public record BandPoint(long step, double mean, double lower, double upper, int n) {
}
