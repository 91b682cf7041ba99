package ablation.reports.charts;

import ablation.core.stats.Estimate;

/**
 * A point with optional error bars in x and y (bounds equal to the value when there is no
 * interval) and an optional label drawn beside it.
 */
public record ChartPoint(String label, double x, double xLow, double xHigh, double y, double yLow, double yHigh) {
    /** A point at a fixed x (k, epochs) with y's interval as error bar. */
    public static ChartPoint at(double x, Estimate y) {
        return new ChartPoint(null, x, x, x, y.value(), low(y), high(y));
    }

    /** A labelled point with both coordinates' intervals as error bars. */
    public static ChartPoint labelled(String label, Estimate x, Estimate y) {
        return new ChartPoint(label, x.value(), low(x), high(x), y.value(), low(y), high(y));
    }

    private static double low(Estimate e) {
        return e.hasInterval() ? e.low() : e.value();
    }

    private static double high(Estimate e) {
        return e.hasInterval() ? e.high() : e.value();
    }
}
