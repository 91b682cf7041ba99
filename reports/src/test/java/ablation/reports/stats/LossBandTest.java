package ablation.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ablation.reports.model.LossPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossBandTest {
    @Test
    void meanMinAndMaxOverSeedsAtSharedTokens() {
        List<LossPoint> a = List.of(new LossPoint(10, 4.0), new LossPoint(20, 3.0), new LossPoint(30, 2.0));
        List<LossPoint> b = List.of(new LossPoint(10, 5.0), new LossPoint(20, 2.0));
        LossBand band = LossBand.of("arm", List.of(a, b));
        assertArrayEquals(new double[] {10, 20}, band.tokens());
        assertArrayEquals(new double[] {4.5, 2.5}, band.mean(), 1e-12);
        assertArrayEquals(new double[] {4.0, 2.0}, band.min());
        assertArrayEquals(new double[] {5.0, 3.0}, band.max());
    }
}
