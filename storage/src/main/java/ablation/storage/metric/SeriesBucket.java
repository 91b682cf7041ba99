package ablation.storage.metric;

/**
 * One point of a downsampled series: the points with steps in [fromStep, toStep] reduced to their
 * finite minimum and maximum (so spikes survive) and the value at the last step. A chart draws the
 * min-max range as a vertical bar and joins the last values.
 *
 * @param min    smallest finite value in the bucket, NaN when it has none
 * @param max    largest finite value in the bucket, NaN when it has none
 * @param last   value at {@code toStep} (may be non-finite)
 * @param points how many raw points the bucket holds
 */
public record SeriesBucket(long fromStep, long toStep, double min, double max, double last, long points) {}
