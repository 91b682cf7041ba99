package ablation.storage.eval;

/**
 * pass@k over a benchmark: the mean over problems (and over runs, when several seeds are pooled)
 * with a 95% percentile bootstrap interval.
 *
 * @param problems problems evaluated in every pooled run
 * @param runs     runs pooled
 */
public record PassAtKEstimate(int k, double mean, double lower, double upper, int problems, int runs) {
}
