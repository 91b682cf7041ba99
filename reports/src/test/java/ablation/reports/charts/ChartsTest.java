package ablation.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalKind;
import ablation.core.stats.LossBand;
import ablation.reports.model.LossPoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static final Estimate E = new Estimate(0.3, 0.25, 0.36, 2, IntervalKind.SEED_T);

    @Test
    void lossCurvesCarryTheSeedBand() {
        LossBand band = LossBand.overSeeds(
                "clm",
                List.of(
                        LossPoint.byTokens(List.of(new LossPoint(1, 5.0), new LossPoint(2, 4.0))),
                        LossPoint.byTokens(List.of(new LossPoint(1, 6.0), new LossPoint(2, 3.0)))));
        IntervalXYDataset data = (IntervalXYDataset)
                Charts.lossCurves("loss", List.of(band)).getXYPlot().getDataset();
        assertEquals("clm (2 seeds)", data.getSeriesKey(0));
        assertEquals(5.5, data.getYValue(0, 0), 1e-12);
        assertEquals(5.0, data.getStartYValue(0, 0), 1e-12);
        assertEquals(6.0, data.getEndYValue(0, 0), 1e-12);
    }

    @Test
    void passAtKHasALogAxisAndErrorBars() {
        JFreeChart chart = Charts.passAtK(
                "pass@k", List.of(new ChartSeries("a", List.of(ChartPoint.at(1, E), ChartPoint.at(10, E)))));
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogarithmicAxis);
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        assertEquals(2, data.getItemCount(0));
        assertEquals(0.25, data.getStartYValue(0, 1), 1e-12);
        assertEquals(0.36, data.getEndYValue(0, 1), 1e-12);
    }

    @Test
    void frontierPointsAreLabelledAndHaveBothIntervals() {
        Estimate infill = new Estimate(0.1, 0.05, 0.2, 2, IntervalKind.SEED_T);
        JFreeChart chart = Charts.infillFrontier(
                "f",
                "infill-line",
                List.of(new ChartSeries(
                        "fim",
                        List.of(ChartPoint.labelled("fim=0", E, infill), ChartPoint.labelled("fim=0.5", infill, E)))));
        XYPlot plot = chart.getXYPlot();
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        assertEquals(0.25, data.getStartXValue(0, 0), 1e-12);
        assertEquals(0.2, data.getEndYValue(0, 0), 1e-12);
        assertEquals("fim=0.5", plot.getRenderer().getItemLabelGenerator(0, 1).generateLabel(data, 0, 1));
        assertEquals("infill-line pass@1", plot.getRangeAxis().getLabel(), "the y axis names the infill mode");
    }

    @Test
    void renderingIsFixedSizeAndRepeatable() throws Exception {
        JFreeChart chart = Charts.epochs(
                "epochs", List.of(new ChartSeries("pass@1", List.of(ChartPoint.at(1, E), ChartPoint.at(4, E)))));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartImages.png(chart)));
        assertEquals(2 * ChartImages.WIDTH, png.getWidth());
        assertEquals(2 * ChartImages.HEIGHT, png.getHeight());
        String svg = ChartImages.svg(chart, "c1");
        assertTrue(svg.startsWith("<svg id='c1'"), svg.substring(0, 100));
        assertEquals(svg, ChartImages.svg(chart, "c1"));
        assertTrue(svg.contains("id='c1-"), "definitions carry the chart's prefix");
        assertTrue(
                !svg.replace("id='c1'", "").matches("(?s).*id='(?!c1-)[^']*'.*"),
                "every SVG id carries the chart's prefix");
    }
}
