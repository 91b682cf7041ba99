/**
 * The report's charts as plain functions, data in and JFreeChart out, so the GUI and the exporters
 * draw the same pictures; {@link ablation.reports.charts.ChartImages} renders them to PNG and SVG
 * at a fixed size. Nothing here imports JavaFX.
 */
package ablation.reports.charts;
