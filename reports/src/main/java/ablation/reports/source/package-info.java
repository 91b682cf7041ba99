/**
 * Reads a study's results out of the tracking store: {@link ablation.reports.source.StudyResultsLoader}
 * builds the report's {@link ablation.reports.model.StudyResults} (runs, measurements, and each
 * lesson's arms and roles, re-derived from the stored study spec), and
 * {@link ablation.reports.source.RunOverviews} gives the per-run view of {@code workbench runs}.
 *
 * <p>Config diffs are dotted paths ({@code objective.fim}, {@code data.sources[0].weight}) against
 * the study's base config; {@link ablation.core.metric.MetricKeys} names the metric series read.
 */
package ablation.reports.source;
