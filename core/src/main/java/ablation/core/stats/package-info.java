/**
 * The statistics every module shares: the unbiased pass@k estimator, per-seed and per-problem pass@k
 * matrices, intervals (a t interval over seed means, a percentile bootstrap over problems when there
 * is one seed) with one settings object, Student's t, and seed bands of loss curves. Every random
 * draw comes from the settings' seed, so the same results always give the same numbers.
 */
package ablation.core.stats;
