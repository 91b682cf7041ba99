/**
 * Statistics of a lesson report: the unbiased pass@k estimator, bootstrap intervals over problems
 * and seeds, t-based intervals for seed means of scalar metrics, and seed bands of loss curves.
 * Every random draw comes from a fixed seed, so the same results give the same report.
 */
package ablation.reports.stats;
