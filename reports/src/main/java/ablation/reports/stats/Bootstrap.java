package ablation.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals (95%) for pass@k means. Seeds and problems are crossed (every
 * seed answers the same problems), so one resample draws seeds with replacement, then problems
 * with replacement, and averages the drawn seeds over the drawn problems. With one seed this is
 * the plain bootstrap over problems.
 *
 * <p>Every interval starts from {@link #SEED}, so it does not depend on what was computed before.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 2000;
    public static final long SEED = 20230503L;

    private Bootstrap() {}

    /** The mean over problems of one run, with its interval over problems. */
    public static Estimate overProblems(double[] perProblem) {
        return pooled(new PassMatrix(java.util.stream.IntStream.range(0, perProblem.length).mapToObj(String::valueOf).toList(),
                new double[][] {perProblem}));
    }

    /** The mean over seeds and problems, with an interval that resamples seeds, then problems. */
    public static Estimate pooled(PassMatrix m) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        int[] problems = new int[m.problems()];
        for (int b = 0; b < RESAMPLES; b++) {
            draw(random, problems);
            stats[b] = resampledMean(m, drawn(random, m.seeds()), problems);
        }
        return interval(m.mean(), stats, m.seeds());
    }

    /**
     * {@code treatment - reference}. When both arms answer the same problems the difference is
     * paired by problem (one problem draw serves both arms, so problem difficulty cancels); otherwise
     * each arm's problems are drawn on their own. Seeds are drawn for each arm on its own.
     */
    public static Estimate difference(PassMatrix reference, PassMatrix treatment) {
        boolean paired = reference.taskIds().equals(treatment.taskIds());
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        int[] refProblems = new int[reference.problems()];
        int[] treatProblems = paired ? refProblems : new int[treatment.problems()];
        for (int b = 0; b < RESAMPLES; b++) {
            draw(random, refProblems);
            if (!paired) draw(random, treatProblems);
            stats[b] = resampledMean(treatment, drawn(random, treatment.seeds()), treatProblems)
                    - resampledMean(reference, drawn(random, reference.seeds()), refProblems);
        }
        return interval(treatment.mean() - reference.mean(), stats, Math.min(reference.seeds(), treatment.seeds()));
    }

    private static double resampledMean(PassMatrix m, int[] seeds, int[] problems) {
        double sum = 0;
        for (int s : seeds) {
            double[] row = m.values()[s];
            for (int p : problems) sum += row[p];
        }
        return sum / (seeds.length * (double) problems.length);
    }

    private static int[] drawn(SplittableRandom random, int size) {
        int[] indices = new int[size];
        draw(random, indices);
        return indices;
    }

    private static void draw(SplittableRandom random, int[] into) {
        for (int i = 0; i < into.length; i++) into[i] = random.nextInt(into.length);
    }

    /** Percentiles 2.5 and 97.5 of the resampled statistics. */
    private static Estimate interval(double value, double[] stats, int seeds) {
        Arrays.sort(stats);
        double low = quantile(stats, 0.025);
        double high = quantile(stats, 0.975);
        return new Estimate(value, low, high, seeds);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
