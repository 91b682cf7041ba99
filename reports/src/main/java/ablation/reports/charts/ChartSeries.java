package ablation.reports.charts;

import java.util.List;

/** A named series of points, drawn in the given order (joined by a line where the chart joins points). */
public record ChartSeries(String name, List<ChartPoint> points) {
    public ChartSeries {
        points = List.copyOf(points);
    }
}
