package ablation.engine.eval;

/**
 * A pass@k value with its bootstrap 95% interval.
 *
 * @param value the mean over problems (and seeds)
 * @param low 2.5th percentile of the bootstrap means
 * @param high 97.5th percentile of the bootstrap means
 */
public record Estimate(int k, double value, double low, double high) {
    public Estimate {
        if (!(low <= value + 1e-12 && value <= high + 1e-12)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] does not hold " + value);
        }
    }
}
