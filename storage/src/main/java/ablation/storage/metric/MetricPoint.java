package ablation.storage.metric;

/** One logged value of a metric: NaN and the infinities are kept as they are. */
public record MetricPoint(String key, long step, double value, long wallMillis) {}
