package ablation.storage.metric;

/**
 * First, last, min, max, sum and counts of a set of points of one series: a series summary or one
 * rollup bucket. Min, max and sum are over finite values (min and max NaN while there is none).
 */
final class Aggregate {
    long points;
    long nonFinite;
    double sum;
    long firstStep = Long.MAX_VALUE;
    double first = Double.NaN;
    long lastStep = Long.MIN_VALUE;
    double last = Double.NaN;
    double min = Double.NaN;
    double max = Double.NaN;

    void add(long step, double value) {
        points++;
        if (Double.isFinite(value)) {
            sum += value;
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

    void merge(Aggregate other) {
        points += other.points;
        nonFinite += other.nonFinite;
        sum += other.sum;
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

    long finite() {
        return points - nonFinite;
    }
}
