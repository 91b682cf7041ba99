package ablation.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SeedStatsTest {
    @Test
    void tQuantilesMatchPublishedTables() {
        // two-sided 95% critical values (Abramowitz & Stegun table 26.10)
        assertEquals(12.706, StudentT.quantile(0.975, 1), 1e-3);
        assertEquals(4.303, StudentT.quantile(0.975, 2), 1e-3);
        assertEquals(2.228, StudentT.quantile(0.975, 10), 1e-3);
        assertEquals(2.042, StudentT.quantile(0.975, 30), 1e-3);
        assertEquals(1.980, StudentT.quantile(0.975, 120), 1e-3);
        assertEquals(-2.228, StudentT.quantile(0.025, 10), 1e-3);
        assertEquals(0.5, StudentT.cdf(0, 3.5), 1e-12);
    }

    @Test
    void seedMeanUsesTheTInterval() {
        double[] v = {1.0, 1.2, 1.1};
        Estimate e = SeedStats.mean(v);
        double sd = Math.sqrt(((1.0 - 1.1) * (1.0 - 1.1) + (1.2 - 1.1) * (1.2 - 1.1)) / 2);
        double half = 4.302653 * sd / Math.sqrt(3);
        assertEquals(1.1, e.value(), 1e-12);
        assertEquals(1.1 - half, e.low(), 1e-5);
        assertEquals(1.1 + half, e.high(), 1e-5);
    }

    @Test
    void oneSeedHasNoInterval() {
        Estimate e = SeedStats.mean(new double[] {0.7});
        assertFalse(e.hasInterval());
        assertEquals("0.700 (1 seed)", e.format(3));
        assertFalse(SeedStats.difference(new double[] {1}, new double[] {1.5, 1.6}).hasInterval());
    }

    @Test
    void welchDifferenceOfTwoArms() {
        double[] a = {1.0, 1.2};
        double[] b = {1.5, 1.9, 1.7};
        Estimate d = SeedStats.difference(a, b);
        double va = 0.02 / 2;
        double vb = 0.04 / 3;
        double df = (va + vb) * (va + vb) / (va * va / 1 + vb * vb / 2);
        double half = StudentT.quantile(0.975, df) * Math.sqrt(va + vb);
        assertEquals(0.6, d.value(), 1e-12);
        assertEquals(0.6 - half, d.low(), 1e-9);
        assertEquals(0.6 + half, d.high(), 1e-9);
    }
}
