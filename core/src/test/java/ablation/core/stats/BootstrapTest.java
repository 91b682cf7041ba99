package ablation.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(IntervalSettings.DEFAULT);

    @Test
    void aRatioOverClustersOfOneIsTheMeanWithTheSameInterval() {
        double[] values = {1, 0, 1, 1, 0, 0.5, 1, 0, 1, 1};
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        assertEquals(BOOTSTRAP.mean(values), BOOTSTRAP.ratio(values, ones));
    }

    @Test
    void aRatioWeighsClustersByTheirSizeAndWidensWhenClustersDisagree() {
        // one big cluster all right, three small ones all wrong: 12 of 15 items right
        Estimate share = BOOTSTRAP.ratio(new double[] {12, 0, 0, 0}, new double[] {12, 1, 1, 1});
        assertEquals(12.0 / 15, share.value(), 1e-12);
        assertTrue(share.low() < 0.5 && share.high() > share.value(), share.toString());
        // the same 15 items as independent ones: a far narrower interval
        double[] items = new double[15];
        Arrays.fill(items, 0, 12, 1);
        Estimate independent = BOOTSTRAP.mean(items);
        assertTrue(independent.high() - independent.low() < share.high() - share.low(), independent + " vs " + share);
    }
}
