package ablation.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The intervals of every arm and every difference the workbench shows, from one
 * {@link IntervalSettings}. The benchmark is what it is; what another study would redraw is the
 * training seed and the sampled programs. So with at least two seeds an arm's interval is Student's
 * t over its seed means (each the mean over the problems), and a difference's is Welch's t over the
 * two arms' seed means: the seed means are independent draws, and the simulation in the reports'
 * tests shows these intervals keep their nominal coverage with 3 and 5 seeds, where a bootstrap over
 * seeds does not. With one seed there is no seed spread to measure; the interval is the bootstrap
 * over problems, marked {@link IntervalKind#PROBLEM_BOOTSTRAP}, and no verdict may rest on it.
 */
public final class Intervals {
    public static final Intervals DEFAULT = new Intervals(IntervalSettings.DEFAULT);

    private final IntervalSettings settings;
    private final Bootstrap bootstrap;

    public Intervals(IntervalSettings settings) {
        this.settings = settings;
        this.bootstrap = new Bootstrap(settings);
    }

    public IntervalSettings settings() {
        return settings;
    }

    /**
     * An arm's pass@k over its seeds and problems. pass@k lies in [0, 1]: a t interval reaching past
     * either end is cut there, which loses no coverage.
     */
    public Estimate of(PassMatrix arm) {
        if (arm.seeds() < 2) return bootstrap.mean(arm.values()[0]);
        return seedMean(arm.seedMeans()).within(0, 1);
    }

    /**
     * {@code treatment - reference} on the problems both arms answered: Welch's t over seed means when
     * both arms have two seeds or more, else the bootstrap over problems of the seed-averaged
     * per-problem values, paired by problem.
     */
    public Estimate difference(PassMatrix reference, PassMatrix treatment) {
        Set<String> shared = new LinkedHashSet<>(reference.taskIds());
        shared.retainAll(treatment.taskIds());
        if (shared.isEmpty()) throw new IllegalArgumentException("the two arms answered no problem in common");
        List<String> ids = new ArrayList<>(shared);
        PassMatrix ref = reference.restrictedTo(ids);
        PassMatrix treat = treatment.restrictedTo(ids);
        if (ref.seeds() >= 2 && treat.seeds() >= 2) return seedDifference(ref.seedMeans(), treat.seedMeans());
        Estimate paired = bootstrap.difference(ref.problemMeans(), treat.problemMeans());
        return new Estimate(
                paired.value(),
                paired.low(),
                paired.high(),
                Math.min(ref.seeds(), treat.seeds()),
                IntervalKind.PROBLEM_BOOTSTRAP);
    }

    /** The mean of one value per seed, with {@code mean +- t * sd / sqrt(s)} when s >= 2. */
    public Estimate seedMean(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("a seed mean needs at least one value");
        double mean = Arrays.stream(values).average().orElseThrow();
        if (values.length < 2) return Estimate.point(mean, values.length);
        double half = tQuantile(values.length - 1.0) * Math.sqrt(variance(values, mean) / values.length);
        return new Estimate(mean, mean - half, mean + half, values.length, IntervalKind.SEED_T);
    }

    /**
     * {@code mean(treatment) - mean(reference)} of one value per seed, with Welch's t interval
     * (unequal variances, Welch-Satterthwaite degrees of freedom) when both arms have at least two
     * seeds, else the difference alone.
     */
    public Estimate seedDifference(double[] reference, double[] treatment) {
        if (reference.length == 0 || treatment.length == 0) {
            throw new IllegalArgumentException("a difference needs values on both sides");
        }
        double mr = Arrays.stream(reference).average().orElseThrow();
        double mt = Arrays.stream(treatment).average().orElseThrow();
        int seeds = Math.min(reference.length, treatment.length);
        if (seeds < 2) return Estimate.point(mt - mr, seeds);
        double vr = variance(reference, mr) / reference.length;
        double vt = variance(treatment, mt) / treatment.length;
        double se = Math.sqrt(vr + vt);
        if (se == 0) return new Estimate(mt - mr, mt - mr, mt - mr, seeds, IntervalKind.SEED_T);
        double df = (vr + vt) * (vr + vt) / (vr * vr / (reference.length - 1) + vt * vt / (treatment.length - 1));
        double half = tQuantile(df) * se;
        return new Estimate(mt - mr, mt - mr - half, mt - mr + half, seeds, IntervalKind.SEED_T);
    }

    private double tQuantile(double df) {
        return StudentT.quantile(1 - settings.lowerTail(), df);
    }

    /** Sample variance (n - 1 in the denominator). */
    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) sum += (v - mean) * (v - mean);
        return sum / (values.length - 1);
    }
}
