package ablation.storage.metric;

/**
 * How a step range [from, to] is cut into at most {@code maxPoints} buckets of equal width, and
 * which rollup level serves it: the coarsest level whose buckets fit in one answer bucket (level 0
 * means the raw points). With a rollup level the answer's origin and width are aligned to that
 * level's buckets, so each rollup bucket falls in exactly one answer bucket; a range that starts or
 * ends inside a rollup bucket then includes that whole bucket.
 *
 * @param origin first step of answer bucket 0
 * @param width  steps per answer bucket (a multiple of {@code levelWidth})
 */
record Bucketing(int level, long levelWidth, long origin, long width, long from, long to) {

    static Bucketing of(long from, long to, int maxPoints) {
        long width = ceilDiv(to - from + 1, maxPoints);
        int level = 0;
        while (level < SeriesWriter.LEVELS && SeriesWriter.width(level + 1) <= width) {
            level++;
        }
        if (level == 0) {
            return new Bucketing(0, 1, from, width, from, to);
        }
        long levelWidth = SeriesWriter.width(level);
        long origin = from / levelWidth * levelWidth;
        long aligned = ceilDiv(ceilDiv(to - origin + 1, maxPoints), levelWidth) * levelWidth;
        return new Bucketing(level, levelWidth, origin, aligned, from, to);
    }

    long firstBucket() {
        return from / levelWidth;
    }

    long lastBucket() {
        return to / levelWidth;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
