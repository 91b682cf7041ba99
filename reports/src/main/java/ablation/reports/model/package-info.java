/**
 * What a lesson report reads: a study's runs with their raw measurements (loss series, per-problem
 * (n, c) counts, bits per byte, understanding) and how each lesson's arms are made of runs.
 *
 * <p>Plain records with no engine or storage types, so the store (or a test) fills them and the
 * GUI can use them too. Everything derived (pass@k, intervals, verdicts) is computed from them in
 * {@code ablation.core.stats} and {@code ablation.reports.lessons}.
 */
package ablation.reports.model;
