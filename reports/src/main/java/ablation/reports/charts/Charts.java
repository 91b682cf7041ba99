package ablation.reports.charts;

import ablation.core.stats.LossBand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The five kinds of chart of a lesson report. Fonts, colours and strokes are fixed (Okabe-Ito
 * palette, logical SansSerif font), so a chart renders the same on every headless machine that
 * has the same fonts.
 */
public final class Charts {
    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
    };

    private static final StandardChartTheme THEME = theme();

    private Charts() {}

    /**
     * Training loss against tokens, per arm a line and a band; the axis says what the bands are
     * (their {@link ablation.core.stats.BandKind}s), so a range is never read as an interval.
     */
    public static JFreeChart lossCurves(String title, List<LossBand> arms) {
        String band = String.join(
                "; ", arms.stream().map(a -> a.kind().description()).distinct().toList());
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (LossBand arm : arms) {
            YIntervalSeries series = new YIntervalSeries(arm.arm() + seedsNote(arm.seeds()), false, true);
            for (int i = 0; i < arm.tokens().length; i++)
                series.add(arm.tokens()[i], arm.mean()[i], arm.low()[i], arm.high()[i]);
            data.addSeries(series);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.25f);
        NumberAxis x = new NumberAxis("training tokens");
        NumberAxis y = new NumberAxis("training loss (band: " + band + ")");
        y.setAutoRangeIncludesZero(false);
        return chart(title, new XYPlot(data, x, y, renderer));
    }

    /** pass@k against k (log axis) per arm, with the 95% intervals as error bars. */
    public static JFreeChart passAtK(String title, List<ChartSeries> arms) {
        LogarithmicAxis x = new LogarithmicAxis("k (log scale)");
        x.setStrictValuesFlag(true);
        x.setExpTickLabelsFlag(false);
        x.setLog10TickLabelsFlag(false);
        x.setNumberFormatOverride(new DecimalFormat("0"));
        x.setAutoRangeNextLogFlag(false);
        return curves(title, arms, x, "pass@k (95% interval)");
    }

    /**
     * The "free lunch" frontier: L2R pass@1 against infill pass@1, one labelled point per infill rate.
     *
     * @param infillMode the infill mode's name on the y axis ({@code infill}, {@code infill-line})
     */
    public static JFreeChart infillFrontier(String title, String infillMode, List<ChartSeries> series) {
        return labelledScatter(title, series, "L2R pass@1", infillMode + " pass@1");
    }

    /** Programming-language pass@k against natural-language bits per byte, one labelled point per mixture. */
    public static JFreeChart mixture(String title, List<ChartSeries> series, int k) {
        return labelledScatter(title, series, "NL bits per byte (lower is better)", "PL pass@" + k);
    }

    /** pass@k against the number of epochs over the capped source, at an equal token budget: one series per k. */
    public static JFreeChart epochs(String title, List<ChartSeries> series) {
        NumberAxis x = new NumberAxis("epochs over the capped source");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        return curves(title, series, x, "pass@k (95% interval)");
    }

    /** Lines through points with vertical error bars. */
    private static JFreeChart curves(String title, List<ChartSeries> series, ValueAxis x, String yLabel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (ChartSeries s : series) {
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
            s.points().forEach(p -> ys.add(p.x(), p.y(), p.yLow(), p.yHigh()));
            data.addSeries(ys);
        }
        XYErrorRenderer renderer = errorRenderer(true);
        renderer.setDrawXError(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1);
        return chart(title, new XYPlot(data, x, y, renderer));
    }

    /** Points joined in order, with error bars in x and y and each point's label beside it. */
    private static JFreeChart labelledScatter(String title, List<ChartSeries> series, String xLabel, String yLabel) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (ChartSeries s : series) {
            XYIntervalSeries xy = new XYIntervalSeries(s.name(), false, true);
            s.points().forEach(p -> xy.add(p.x(), p.xLow(), p.xHigh(), p.y(), p.yLow(), p.yHigh()));
            data.addSeries(xy);
        }
        XYErrorRenderer renderer = errorRenderer(true);
        renderer.setDefaultItemLabelGenerator(
                (dataset, s, item) -> series.get(s).points().get(item).label());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_LEFT));
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        return chart(title, new XYPlot(data, x, y, renderer));
    }

    private static XYErrorRenderer errorRenderer(boolean lines) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(lines);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setCapLength(6);
        return renderer;
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        THEME.apply(chart);
        XYItemRenderer renderer = plot.getRenderer();
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            Paint colour = PALETTE[s % PALETTE.length];
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            if (renderer instanceof DeviationRenderer deviation) deviation.setSeriesFillPaint(s, colour);
        }
        return chart;
    }

    private static String seedsNote(int seeds) {
        return " (" + seeds + (seeds == 1 ? " seed)" : " seeds)");
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        return theme;
    }
}
