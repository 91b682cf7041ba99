package ablation.storage.metric;

import ablation.storage.StoreException;

/**
 * The one-BIGINT primary key of a metric point: {@code seriesId * 2^40 + step}. Points of a series
 * form one key range, in step order, which H2 stores clustered with no secondary index (half the
 * insert cost of a composite key) and which every query selects with {@code BETWEEN}.
 */
public final class PointKey {
    public static final int STEP_BITS = 40;
    /** Largest step a point may have: about 1.1e12. */
    public static final long MAX_STEP = (1L << STEP_BITS) - 1;
    /** Largest series id (run x metric pairs in one store): about 8.4 million. */
    public static final long MAX_SERIES = (1L << (63 - STEP_BITS)) - 1;

    private PointKey() {}

    public static long of(long seriesId, long step) {
        if (step < 0 || step > MAX_STEP) {
            throw new StoreException("metric step must be in [0, " + MAX_STEP + "], got " + step);
        }
        return (seriesId << STEP_BITS) + step;
    }

    /** The key of step 0 of a series: subtract it from a key to get the step. */
    public static long base(long seriesId) {
        if (seriesId < 1 || seriesId > MAX_SERIES) {
            throw new StoreException(
                    "metric series id " + seriesId + " is beyond what the store can key (max " + MAX_SERIES + ")");
        }
        return seriesId << STEP_BITS;
    }
}
