package ablation.engine.understanding;

import ablation.core.stats.Estimate;
import java.util.Map;

/**
 * The understanding test's outcome.
 *
 * @param accuracy share of pairs whose canonical body has the lower loss (0.5 is chance), with its
 *     95% percentile bootstrap interval over programs (each drawn program brings all its pairs)
 * @param pairs pairs scored
 * @param programs distinct programs among them (a program is rendered in several problems)
 * @param unfitPairs pairs left out because prompt and body do not fit the context
 * @param accuracyByKind accuracy over the pairs of each mutation kind
 * @param meanMargin mean over pairs of (mutant's loss - canonical body's loss), in nats
 */
public record UnderstandingResult(
        Estimate accuracy,
        int pairs,
        int programs,
        int unfitPairs,
        Map<String, Double> accuracyByKind,
        double meanMargin) {
    public UnderstandingResult {
        accuracyByKind = Map.copyOf(accuracyByKind);
    }
}
