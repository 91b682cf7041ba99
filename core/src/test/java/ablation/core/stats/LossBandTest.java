package ablation.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LossBandTest {
    private static TreeMap<Long, Double> series(double... tokensAndLoss) {
        TreeMap<Long, Double> s = new TreeMap<>();
        for (int i = 0; i < tokensAndLoss.length; i += 2) s.put((long) tokensAndLoss[i], tokensAndLoss[i + 1]);
        return s;
    }

    @Test
    void meanAndSeedRangeAtSharedTokens() {
        LossBand band = LossBand.overSeeds("arm", List.of(series(10, 4.0, 20, 3.0, 30, 2.0), series(10, 5.0, 20, 2.0)));
        assertEquals(BandKind.SEED_RANGE, band.kind());
        assertArrayEquals(new double[] {10, 20}, band.tokens());
        assertArrayEquals(new double[] {4.5, 2.5}, band.mean(), 1e-12);
        assertArrayEquals(new double[] {4.0, 2.0}, band.low());
        assertArrayEquals(new double[] {5.0, 3.0}, band.high());
    }

    @Test
    void oneRunHasNoBand() {
        LossBand band = LossBand.overSeeds("arm", List.of(series(10, 4.0, 20, 3.0)));
        assertEquals(BandKind.ONE_RUN, band.kind());
        assertArrayEquals(band.mean(), band.low());
        assertArrayEquals(band.mean(), band.high());
    }
}
