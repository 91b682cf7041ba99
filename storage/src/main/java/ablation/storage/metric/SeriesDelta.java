package ablation.storage.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * What a batch of points adds to one series: its summary and its buckets at every rollup level.
 * Points mostly arrive in step order, so the bucket of the previous point is checked first.
 */
final class SeriesDelta {
    final Aggregate summary = new Aggregate();
    private final List<TreeMap<Long, Aggregate>> levels = new ArrayList<>(SeriesWriter.LEVELS);
    private final long[] lastBucket = new long[SeriesWriter.LEVELS];
    private final Aggregate[] lastAggregate = new Aggregate[SeriesWriter.LEVELS];

    SeriesDelta() {
        for (int level = 1; level <= SeriesWriter.LEVELS; level++) {
            levels.add(new TreeMap<>());
        }
        Arrays.fill(lastBucket, -1);
    }

    void add(long step, double value) {
        summary.add(step, value);
        for (int i = 0; i < SeriesWriter.LEVELS; i++) {
            long bucket = step >>> (4 * (i + 1));
            if (bucket != lastBucket[i]) {
                lastBucket[i] = bucket;
                lastAggregate[i] = levels.get(i).computeIfAbsent(bucket, b -> new Aggregate());
            }
            lastAggregate[i].add(step, value);
        }
    }

    /** Buckets of a level (1-based), by bucket number. */
    TreeMap<Long, Aggregate> level(int level) {
        return levels.get(level - 1);
    }
}
