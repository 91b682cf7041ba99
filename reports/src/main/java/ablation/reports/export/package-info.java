/**
 * Lesson report export. {@link ablation.reports.export.ReportBuilder} turns study results into a
 * format-independent {@link ablation.reports.export.ReportContent} (sections of paragraphs,
 * tables, charts, configs) once; the HTML, Markdown and PDF exporters only lay it out.
 * {@link ablation.reports.export.ReportWriter} is the entry point.
 */
package ablation.reports.export;
