package ablation.core.stats;

import java.util.List;

/** pass@k of one evaluation with its interval, e.g. k = 1, 0.231 [0.190, 0.270]. */
public record PassAtKEstimate(int k, Estimate estimate) {
    public PassAtKEstimate {
        if (k < 1) throw new IllegalArgumentException("pass@" + k + ": k must be at least 1");
        if (estimate == null) throw new IllegalArgumentException("pass@" + k + " needs its estimate");
    }

    public double value() {
        return estimate.value();
    }

    public double low() {
        return estimate.low();
    }

    public double high() {
        return estimate.high();
    }

    /** pass@k over the problems of one run, with the bootstrap interval over problems. */
    public static PassAtKEstimate overProblems(List<ProblemCount> counts, int k, IntervalSettings settings) {
        return new PassAtKEstimate(k, new Intervals(settings).of(PassMatrix.of(List.of(counts), k)));
    }
}
