package ablation.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.stats.IntervalKind;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    @Test
    void storedBoundsGiveTheOneSeedBootstrapIntervalAndMissingOnesTheValueAlone() {
        var withBounds = new Accuracy(0.71, 0.56, 0.84).estimate();
        assertEquals(IntervalKind.PROBLEM_BOOTSTRAP, withBounds.kind());
        assertEquals(0.56, withBounds.low());
        // a run stored before the interval keys existed: shown as a value, not refused
        var withoutBounds = new Accuracy(0.71, Double.NaN, Double.NaN).estimate();
        assertEquals(IntervalKind.NONE, withoutBounds.kind());
        assertEquals(0.71, withoutBounds.value());
    }
}
