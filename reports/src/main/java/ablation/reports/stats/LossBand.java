package ablation.reports.stats;

import ablation.reports.model.LossPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loss curve of an arm over its seeds: at each token count that every seed logged, the mean
 * loss and the lowest and highest seed's loss (equal to the mean with one seed). Seeds of one arm
 * share their config, so they log at the same token counts.
 */
public record LossBand(String arm, int seeds, double[] tokens, double[] mean, double[] min, double[] max) {
    public LossBand {
        if (tokens.length != mean.length || tokens.length != min.length || tokens.length != max.length) {
            throw new IllegalArgumentException("loss band " + arm + ": arrays must have equal lengths");
        }
    }

    public static LossBand of(String arm, List<List<LossPoint>> seedSeries) {
        if (seedSeries.isEmpty()) throw new IllegalArgumentException("loss band " + arm + ": needs at least one series");
        List<Map<Long, Double>> series = new ArrayList<>();
        for (List<LossPoint> points : seedSeries) {
            Map<Long, Double> byTokens = new TreeMap<>();
            points.forEach(p -> byTokens.put(p.tokens(), p.loss()));
            series.add(byTokens);
        }
        List<Long> shared = new ArrayList<>(series.get(0).keySet());
        series.forEach(s -> shared.retainAll(s.keySet()));
        int n = shared.size();
        double[] tokens = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        for (int i = 0; i < n; i++) {
            long t = shared.get(i);
            tokens[i] = t;
            min[i] = Double.POSITIVE_INFINITY;
            max[i] = Double.NEGATIVE_INFINITY;
            for (Map<Long, Double> s : series) {
                double loss = s.get(t);
                mean[i] += loss / series.size();
                min[i] = Math.min(min[i], loss);
                max[i] = Math.max(max[i], loss);
            }
        }
        return new LossBand(arm, seedSeries.size(), tokens, mean, min, max);
    }
}
