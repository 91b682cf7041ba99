package ablation.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static List<String> ids(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Per-problem values with a wide spread of difficulty, plus {@code shift}, for {@code seeds} seeds. */
    private static double[][] values(int seeds, int problems, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[seeds][problems];
        for (int s = 0; s < seeds; s++) {
            for (int p = 0; p < problems; p++) v[s][p] = Math.min(1, Math.max(0, (double) p / problems + shift + 0.02 * random.nextGaussian()));
        }
        return v;
    }

    @Test
    void pooledIntervalContainsTheMeanAndIsRepeatable() {
        PassMatrix m = new PassMatrix(ids(40, "p"), values(3, 40, 0, 1));
        Estimate a = Bootstrap.pooled(m);
        Estimate b = Bootstrap.pooled(m);
        assertEquals(a, b);
        assertEquals(m.mean(), a.value(), 1e-12);
        assertTrue(a.low() < a.value() && a.value() < a.high(), a.toString());
        assertEquals(3, a.seeds());
    }

    @Test
    void moreProblemsNarrowTheInterval() {
        Estimate few = Bootstrap.overProblems(values(1, 20, 0, 2)[0]);
        Estimate many = Bootstrap.overProblems(values(1, 400, 0, 2)[0]);
        assertTrue(many.high() - many.low() < (few.high() - few.low()) / 2, few + " vs " + many);
    }

    @Test
    void seedSpreadWidensThePooledInterval() {
        double[][] agree = values(3, 50, 0, 3);
        double[][] disagree = new double[3][];
        for (int s = 0; s < 3; s++) disagree[s] = values(1, 50, 0.15 * (s - 1), 3 + s)[0];
        Estimate tight = Bootstrap.pooled(new PassMatrix(ids(50, "p"), agree));
        Estimate loose = Bootstrap.pooled(new PassMatrix(ids(50, "p"), disagree));
        assertTrue(loose.high() - loose.low() > tight.high() - tight.low(), tight + " vs " + loose);
    }

    @Test
    void pairingByProblemCancelsProblemDifficulty() {
        double[][] reference = values(2, 60, 0, 4);
        double[][] treatment = values(2, 60, -0.05, 5);
        Estimate paired = Bootstrap.difference(new PassMatrix(ids(60, "p"), reference), new PassMatrix(ids(60, "p"), treatment));
        Estimate unpaired = Bootstrap.difference(new PassMatrix(ids(60, "p"), reference), new PassMatrix(ids(60, "q"), treatment));
        assertEquals(paired.value(), unpaired.value(), 1e-12);
        assertTrue(paired.high() < 0, "paired interval excludes 0: " + paired);
        assertTrue(unpaired.low() < 0 && unpaired.high() > 0, "unpaired interval is wide: " + unpaired);
    }
}
