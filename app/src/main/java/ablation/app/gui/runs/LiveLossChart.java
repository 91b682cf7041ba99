package ablation.app.gui.runs;

import ablation.core.stats.LossBand;
import ablation.reports.charts.Charts;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The loss chart of the runs view. While the same runs stay selected each poll replaces the points
 * of the chart's series in one batch (one redraw, the axes and zoom kept); another selection builds
 * a new chart with the reports module's chart function. FX thread only.
 */
final class LiveLossChart {
    static final String NO_LOSS = "No loss logged yet by these runs.";

    private final ChartViewer viewer = new ChartViewer(null);
    private final Label empty = new Label(NO_LOSS);
    private final StackPane pane = new StackPane(viewer, empty);
    private List<String> shown = List.of();

    LiveLossChart() {
        viewer.setId("loss-chart");
        empty.getStyleClass().add("empty-state");
        viewer.visibleProperty().bind(empty.visibleProperty().not());
    }

    /** The chart, or the line saying there is no loss to draw. */
    Node node() {
        return pane;
    }

    /** Shows these curves (empty: no chart). */
    void show(List<LossBand> curves) {
        List<String> names = curves.stream().map(LossBand::arm).toList();
        empty.setVisible(curves.isEmpty());
        if (curves.isEmpty()) {
            // nothing to draw: the next curves get a chart of their own
        } else if (!names.equals(shown) || viewer.getChart() == null) {
            viewer.setChart(Charts.lossCurves("Training loss", curves));
        } else {
            JFreeChart chart = viewer.getChart();
            YIntervalSeriesCollection data =
                    (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
            chart.setNotify(false);
            for (int s = 0; s < curves.size(); s++) replace(data.getSeries(s), curves.get(s));
            chart.setNotify(true);
        }
        shown = names;
    }

    /** Points in the chart now, over all series (for tests and the bench). */
    int points() {
        JFreeChart chart = viewer.getChart();
        if (chart == null || empty.isVisible()) return 0;
        var data = chart.getXYPlot().getDataset();
        int points = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) points += data.getItemCount(s);
        return points;
    }

    private static void replace(YIntervalSeries series, LossBand curve) {
        series.setNotify(false);
        series.clear();
        for (int i = 0; i < curve.tokens().length; i++) {
            series.add(curve.tokens()[i], curve.mean()[i], curve.low()[i], curve.high()[i]);
        }
        series.setNotify(true);
    }
}
