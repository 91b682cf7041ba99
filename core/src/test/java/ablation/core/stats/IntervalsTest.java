package ablation.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    private static final Intervals INTERVALS = Intervals.DEFAULT;

    private static List<String> ids(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Per-problem values with a wide spread of difficulty, plus {@code shift}, for {@code seeds} seeds. */
    private static double[][] values(int seeds, int problems, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[seeds][problems];
        for (int s = 0; s < seeds; s++) {
            for (int p = 0; p < problems; p++) {
                v[s][p] = Math.min(1, Math.max(0, (double) p / problems + shift + 0.02 * random.nextGaussian()));
            }
        }
        return v;
    }

    @Test
    void tQuantilesMatchPublishedTables() {
        // two-sided 95% critical values (Abramowitz & Stegun table 26.10)
        assertEquals(12.706, StudentT.quantile(0.975, 1), 1e-3);
        assertEquals(4.303, StudentT.quantile(0.975, 2), 1e-3);
        assertEquals(2.228, StudentT.quantile(0.975, 10), 1e-3);
        assertEquals(2.042, StudentT.quantile(0.975, 30), 1e-3);
        assertEquals(1.980, StudentT.quantile(0.975, 120), 1e-3);
        assertEquals(1.960, StudentT.quantile(0.975, 1e6), 1e-3);
        assertEquals(-2.228, StudentT.quantile(0.025, 10), 1e-3);
        assertEquals(0.5, StudentT.cdf(0, 3.5), 1e-12);
    }

    @Test
    void oneSeedIsTheRepeatableBootstrapOverProblems() {
        PassMatrix one = new PassMatrix(ids(40, "p"), values(1, 40, 0, 1));
        Estimate a = INTERVALS.of(one);
        assertEquals(a, new Intervals(IntervalSettings.DEFAULT).of(one));
        assertEquals(IntervalKind.PROBLEM_BOOTSTRAP, a.kind());
        assertFalse(a.coversSeeds());
        assertEquals(one.mean(), a.value(), 1e-12);
        assertTrue(a.low() < a.value() && a.value() < a.high(), a.toString());
        Estimate many = INTERVALS.of(new PassMatrix(ids(400, "p"), values(1, 400, 0, 2)));
        assertTrue(many.high() - many.low() < (a.high() - a.low()) / 2, a + " vs " + many);
    }

    @Test
    void seedsGiveTheTIntervalOverSeedMeans() {
        double[][] v = values(3, 50, 0, 3);
        for (int s = 0; s < 3; s++) for (int p = 0; p < 50; p++) v[s][p] = Math.min(1, v[s][p] + 0.1 * s);
        PassMatrix m = new PassMatrix(ids(50, "p"), v);
        Estimate e = INTERVALS.of(m);
        assertEquals(IntervalKind.SEED_T, e.kind());
        assertEquals(INTERVALS.seedMean(m.seedMeans()), e);
        assertTrue(e.coversSeeds());
        assertEquals(3, e.seeds());
    }

    @Test
    void anArmsPassAtKIntervalStaysInsideZeroToOne() {
        // three seeds, one solves a tenth of the problems, two solve none: the t interval reaches below 0
        double[][] v = new double[3][20];
        for (int p = 0; p < 2; p++) v[0][p] = 1;
        Estimate e = INTERVALS.of(new PassMatrix(ids(20, "p"), v));
        Estimate raw = INTERVALS.seedMean(new double[] {0.1, 0, 0});
        assertTrue(raw.low() < 0, "the uncut t interval: " + raw);
        assertEquals(0.0, e.low());
        assertEquals(raw.high(), e.high(), 1e-12);
        assertEquals(raw.value(), e.value(), 1e-12);
    }

    @Test
    void seedMeanUsesTheTInterval() {
        Estimate e = INTERVALS.seedMean(new double[] {1.0, 1.2, 1.1});
        double sd = Math.sqrt(((1.0 - 1.1) * (1.0 - 1.1) + (1.2 - 1.1) * (1.2 - 1.1)) / 2);
        double half = 4.302653 * sd / Math.sqrt(3);
        assertEquals(1.1, e.value(), 1e-12);
        assertEquals(1.1 - half, e.low(), 1e-5);
        assertEquals(1.1 + half, e.high(), 1e-5);
    }

    @Test
    void aNarrowerConfidenceGivesANarrowerInterval() {
        double[] v = {1.0, 1.2, 1.1};
        Estimate wide = INTERVALS.seedMean(v);
        Estimate narrow = new Intervals(new IntervalSettings(2000, 1, 0.8)).seedMean(v);
        assertTrue(narrow.high() - narrow.low() < wide.high() - wide.low());
        assertEquals("80%", new IntervalSettings(2000, 1, 0.8).percent());
        assertEquals("95%", IntervalSettings.DEFAULT.percent());
    }

    @Test
    void oneSeedScalarHasNoInterval() {
        Estimate e = INTERVALS.seedMean(new double[] {0.7});
        assertFalse(e.hasInterval());
        assertEquals(IntervalKind.NONE, e.kind());
        assertEquals("0.700 (1 seed)", e.format(3));
        assertFalse(INTERVALS
                .seedDifference(new double[] {1}, new double[] {1.5, 1.6})
                .hasInterval());
    }

    @Test
    void welchDifferenceOfTwoArms() {
        double[] a = {1.0, 1.2};
        double[] b = {1.5, 1.9, 1.7};
        Estimate d = INTERVALS.seedDifference(a, b);
        double va = 0.02 / 2;
        double vb = 0.04 / 3;
        double df = (va + vb) * (va + vb) / (va * va / 1 + vb * vb / 2);
        double half = StudentT.quantile(0.975, df) * Math.sqrt(va + vb);
        assertEquals(0.6, d.value(), 1e-12);
        assertEquals(0.6 - half, d.low(), 1e-9);
        assertEquals(0.6 + half, d.high(), 1e-9);
    }

    @Test
    void oneSeedDifferenceIsPairedByProblem() {
        double[][] reference = values(1, 60, 0, 4);
        double[][] treatment = values(1, 60, -0.05, 5);
        Estimate paired =
                INTERVALS.difference(new PassMatrix(ids(60, "p"), reference), new PassMatrix(ids(60, "p"), treatment));
        assertEquals(IntervalKind.PROBLEM_BOOTSTRAP, paired.kind());
        assertTrue(paired.high() < 0, "paired interval excludes 0: " + paired);
        assertThrows(
                IllegalArgumentException.class,
                () -> INTERVALS.difference(
                        new PassMatrix(ids(3, "p"), values(1, 3, 0, 1)),
                        new PassMatrix(ids(3, "q"), values(1, 3, 0, 1))));
    }

    @Test
    void differenceUsesOnlyTheSharedProblems() {
        PassMatrix reference = new PassMatrix(List.of("a", "b", "c"), new double[][] {{0, 0, 1}, {0, 0, 1}});
        PassMatrix treatment = new PassMatrix(List.of("b", "a"), new double[][] {{1, 1}, {1, 1}});
        Estimate d = INTERVALS.difference(reference, treatment);
        assertEquals(1.0, d.value(), 1e-12);
        assertEquals(IntervalKind.SEED_T, d.kind());
    }

    @Test
    void estimatesRefuseAMismatchedKind() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, 0, 2, 3, IntervalKind.NONE));
        assertThrows(
                IllegalArgumentException.class, () -> new Estimate(1, Double.NaN, Double.NaN, 3, IntervalKind.SEED_T));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, 2, 0, 3, IntervalKind.SEED_T));
    }
}
