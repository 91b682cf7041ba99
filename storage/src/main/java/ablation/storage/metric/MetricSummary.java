package ablation.storage.metric;

/**
 * What the run tables show of one metric of one run, kept current on every write.
 *
 * @param points    number of points, non-finite ones included
 * @param nonFinite number of NaN or infinite points
 * @param first     value at the smallest step (may be non-finite)
 * @param last      value at the largest step (may be non-finite)
 * @param min       smallest finite value, NaN when there is none
 * @param max       largest finite value, NaN when there is none
 */
public record MetricSummary(
        long runId,
        String key,
        long points,
        long nonFinite,
        long firstStep,
        double first,
        long lastStep,
        double last,
        double min,
        double max) {}
