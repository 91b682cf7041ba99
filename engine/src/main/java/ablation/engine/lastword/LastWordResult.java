package ablation.engine.lastword;

import ablation.core.stats.Estimate;

/**
 * The last-word test's outcome.
 *
 * @param accuracy share of items where the model gives the last word a higher log-probability than
 *     each distractor (chance 1 / {@value LastWord#CHOICES}), with its 95% percentile bootstrap
 *     interval over documents
 * @param items items scored
 * @param documents held-out documents they come from
 */
public record LastWordResult(Estimate accuracy, int items, int documents) {}
