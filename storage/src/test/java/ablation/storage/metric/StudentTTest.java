package ablation.storage.metric;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudentTTest {
    @Test
    void quantilesMatchPublishedValues() {
        assertEquals(12.7062, StudentT.quantile975(1), 1e-4);
        assertEquals(2.0423, StudentT.quantile975(30), 1e-4);
        assertEquals(2.0211, StudentT.quantile975(40), 1e-4);
        assertEquals(2.0086, StudentT.quantile975(50), 1e-4);
        assertEquals(1.9840, StudentT.quantile975(100), 1e-4);
        assertEquals(1.9600, StudentT.quantile975(1_000_000), 1e-4);
    }

    @Test
    void bandOfOneRunHasNoWidth() {
        BandPoint one = Metrics.bandPoint(5, List.of(2.0));
        assertEquals(new BandPoint(5, 2.0, 2.0, 2.0, 1), one);
    }
}
