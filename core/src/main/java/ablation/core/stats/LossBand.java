package ablation.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * A loss curve with its band: at each token count, the mean loss and the band's {@code low} and
 * {@code high}, whose meaning {@link #kind} says (never a confidence interval under another name).
 */
public record LossBand(
        String arm, int seeds, BandKind kind, double[] tokens, double[] mean, double[] low, double[] high) {
    public LossBand {
        if (kind == null) throw new IllegalArgumentException("loss band " + arm + ": needs its kind");
        if (tokens.length != mean.length || tokens.length != low.length || tokens.length != high.length) {
            throw new IllegalArgumentException("loss band " + arm + ": arrays must have equal lengths");
        }
    }

    /**
     * An arm over its seeds: at each token count that every seed logged, the mean loss and the lowest
     * and highest seed's loss ({@link BandKind#SEED_RANGE}; {@link BandKind#ONE_RUN} with one seed).
     * Seeds of one arm share their config, so they log at the same token counts.
     *
     * @param seedSeries per seed, its loss by token count
     */
    public static LossBand overSeeds(String arm, List<? extends SortedMap<Long, Double>> seedSeries) {
        if (seedSeries.isEmpty())
            throw new IllegalArgumentException("loss band " + arm + ": needs at least one series");
        List<Long> shared = new ArrayList<>(seedSeries.get(0).keySet());
        seedSeries.forEach(s -> shared.retainAll(s.keySet()));
        int n = shared.size();
        double[] tokens = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            long t = shared.get(i);
            tokens[i] = t;
            low[i] = Double.POSITIVE_INFINITY;
            high[i] = Double.NEGATIVE_INFINITY;
            for (SortedMap<Long, Double> s : seedSeries) {
                double loss = s.get(t);
                mean[i] += loss / seedSeries.size();
                low[i] = Math.min(low[i], loss);
                high[i] = Math.max(high[i], loss);
            }
        }
        BandKind kind = seedSeries.size() == 1 ? BandKind.ONE_RUN : BandKind.SEED_RANGE;
        return new LossBand(arm, seedSeries.size(), kind, tokens, mean, low, high);
    }
}
