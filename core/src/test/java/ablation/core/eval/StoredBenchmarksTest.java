package ablation.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.eval.StoredBenchmarks.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredBenchmarksTest {
    @Test
    void aBenchmarkAtSeveralTemperaturesIsStoredOncePerTemperature() {
        List<Entry> entries = List.of(
                new Entry("desk-l2r", "l2r", 0.2),
                new Entry("desk-l2r", "l2r", 0.8),
                new Entry("desk-infill", "infill", 0.8),
                new Entry("desk-l2r", "infill", 1.0));
        assertEquals(
                List.of("desk-l2r@T0.2", "desk-l2r@T0.8", "desk-infill", "desk-l2r"), StoredBenchmarks.names(entries));
    }
}
