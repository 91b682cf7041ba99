package ablation.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for pass@k. Problems are the unit of resampling: the interval says how
 * much the benchmark's mean would move with another draw of problems of the same kind. With several
 * seeds (independently trained runs of one arm), seeds and problems are resampled independently, so the
 * interval covers both the run-to-run and the problem-to-problem spread.
 *
 * @param resamples bootstrap replicates (2,000 by default)
 * @param seed the resampling seed: the same counts always give the same interval
 */
public record Bootstrap(int resamples, long seed) {
    public static final Bootstrap DEFAULT = new Bootstrap(2000, 20230503L);

    public Bootstrap {
        if (resamples < 100) throw new IllegalArgumentException("resamples = " + resamples + " must be at least 100");
    }

    /** pass@k over problems of one run, with its 95% interval. */
    public Estimate interval(List<ProblemCount> counts, int k) {
        return pooled(List.of(counts), k);
    }

    /**
     * pass@k pooled over seeds: the mean over (seed, problem) cells, with an interval from resampling seeds
     * and problems independently. Every seed must hold the same problems (matched by task id).
     *
     * @param bySeed one list of counts per seed
     */
    public Estimate pooled(List<List<ProblemCount>> bySeed, int k) {
        double[][] cells = cells(bySeed, k);
        int seeds = cells.length;
        int problems = cells[0].length;
        double value = 0;
        for (double[] row : cells) for (double cell : row) value += cell;
        value /= (double) seeds * problems;

        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        int[] seedDraw = new int[seeds];
        for (int r = 0; r < resamples; r++) {
            for (int s = 0; s < seeds; s++) seedDraw[s] = seeds == 1 ? 0 : random.nextInt(seeds);
            double sum = 0;
            for (int p = 0; p < problems; p++) {
                int problem = random.nextInt(problems);
                for (int s : seedDraw) sum += cells[s][problem];
            }
            means[r] = sum / ((double) seeds * problems);
        }
        Arrays.sort(means);
        return new Estimate(k, value, Math.min(value, percentile(means, 0.025)), Math.max(value, percentile(means, 0.975)));
    }

    /** pass@k per (seed, problem), problems ordered as in the first seed. */
    private static double[][] cells(List<List<ProblemCount>> bySeed, int k) {
        if (bySeed.isEmpty() || bySeed.get(0).isEmpty()) throw new IllegalArgumentException("no problems to estimate pass@k on");
        List<String> ids = new ArrayList<>();
        for (ProblemCount count : bySeed.get(0)) ids.add(count.taskId());
        double[][] cells = new double[bySeed.size()][ids.size()];
        for (int s = 0; s < bySeed.size(); s++) {
            Map<String, ProblemCount> byId = new HashMap<>();
            for (ProblemCount count : bySeed.get(s)) {
                if (byId.put(count.taskId(), count) != null) throw new IllegalArgumentException("seed " + s + " lists " + count.taskId() + " twice");
            }
            if (byId.size() != ids.size() || !byId.keySet().containsAll(ids)) {
                throw new IllegalArgumentException("seed " + s + " holds other problems than seed 0");
            }
            for (int p = 0; p < ids.size(); p++) cells[s][p] = PassAtK.of(byId.get(ids.get(p)), k);
        }
        return cells;
    }

    /** Linear interpolation between order statistics (the usual "type 7" quantile). */
    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
