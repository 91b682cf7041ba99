package ablation.core.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The name each evaluation of a run is stored under: its benchmark, or {@code desk-l2r@T0.2} when
 * the run evaluates the same benchmark and mode at several temperatures (pass@1 at T = 0.2 beside
 * pass@10 at T = 0.8), so that the worker that writes and the report that reads agree.
 */
public final class StoredBenchmarks {
    private StoredBenchmarks() {}

    /** One entry of a run's {@code eval} list, as far as its stored name depends on it. */
    public record Entry(String benchmark, String mode, double temperature) {
        public Entry {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** The stored name of each entry, in order. */
    public static List<String> names(List<Entry> entries) {
        List<String> names = new ArrayList<>();
        for (Entry entry : entries) {
            long sameBenchmark = entries.stream()
                    .filter(e ->
                            e.benchmark().equals(entry.benchmark()) && e.mode().equals(entry.mode()))
                    .count();
            names.add(
                    sameBenchmark > 1
                            ? entry.benchmark() + "@T" + temperature(entry.temperature())
                            : entry.benchmark());
        }
        return names;
    }

    /** 0.2 as "0.2", 1.0 as "1". */
    private static String temperature(double t) {
        return BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
    }
}
