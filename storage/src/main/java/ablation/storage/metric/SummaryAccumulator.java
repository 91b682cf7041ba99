package ablation.storage.metric;

/**
 * First, last, min, max and counts of a set of points of one metric; merged with the stored
 * summary row on every flush. Min and max are over finite values (NaN while there is none).
 */
final class SummaryAccumulator {
    long points;
    long nonFinite;
    long firstStep = Long.MAX_VALUE;
    double first;
    long lastStep = Long.MIN_VALUE;
    double last;
    double min = Double.NaN;
    double max = Double.NaN;

    void add(long step, double value) {
        points++;
        if (Double.isFinite(value)) {
            min = Double.isNaN(min) ? value : Math.min(min, value);
            max = Double.isNaN(max) ? value : Math.max(max, value);
        } else {
            nonFinite++;
        }
        if (step < firstStep) {
            firstStep = step;
            first = value;
        }
        if (step >= lastStep) {
            lastStep = step;
            last = value;
        }
    }

    void merge(SummaryAccumulator other) {
        points += other.points;
        nonFinite += other.nonFinite;
        if (other.firstStep < firstStep) {
            firstStep = other.firstStep;
            first = other.first;
        }
        if (other.lastStep >= lastStep) {
            lastStep = other.lastStep;
            last = other.last;
        }
        if (!Double.isNaN(other.min)) {
            min = Double.isNaN(min) ? other.min : Math.min(min, other.min);
            max = Double.isNaN(max) ? other.max : Math.max(max, other.max);
        }
    }
}
