package ablation.app.gui.compare;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * What the store says about the compared arms: the loss curves with their seed bands and a pass@k
 * chart per benchmark, and a table of final metrics with their 95% intervals.
 *
 * @param header the table's columns ({@code Arm}, {@code Runs}, {@code Final loss}, one per pass@k)
 * @param rows one per arm, as wide as the header
 */
public record Comparison(List<JFreeChart> charts, List<String> header, List<List<String>> rows) {
    public Comparison {
        charts = List.copyOf(charts);
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
