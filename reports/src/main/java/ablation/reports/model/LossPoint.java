package ablation.reports.model;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Training loss after {@code tokens} training tokens. */
public record LossPoint(long tokens, double loss) {
    public LossPoint {
        if (tokens < 0) throw new IllegalArgumentException("loss point tokens = " + tokens + " must not be negative");
    }

    /** A run's loss curve keyed by tokens, the shape seed bands are computed from. */
    public static SortedMap<Long, Double> byTokens(List<LossPoint> curve) {
        SortedMap<Long, Double> byTokens = new TreeMap<>();
        curve.forEach(p -> byTokens.put(p.tokens(), p.loss()));
        return byTokens;
    }
}
