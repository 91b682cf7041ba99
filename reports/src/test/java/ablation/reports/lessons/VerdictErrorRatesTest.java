package ablation.reports.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.Intervals;
import ablation.core.stats.PassMatrix;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The statistics keep their promise on simulated studies (no training): each simulated arm has a
 * known effect on the logit of every problem's pass rate, seeds shift a run's logit by a normal
 * draw (seed variance), problems differ in difficulty (problem variance), and each problem's n = 10
 * samples are Bernoulli draws. The truth is the expected pass@1 difference over seeds on the
 * study's problems, by Gauss-Hermite quadrature. With 2,000 studies per setting, a coverage in
 * [0.92, 0.98] and a decision rate at most 0.05 + 2 binomial standard errors (0.06) are meaningful.
 */
class VerdictErrorRatesTest {
    private static final int STUDIES = 2000;
    private static final int PROBLEMS = 40;
    private static final int SAMPLES = 10;
    /** Logit of the mean problem: pass@1 about 0.08, the desk baseline's. */
    private static final double BASE = -2.6;

    private static final double PROBLEM_SD = 1.5;
    /** Gauss-Hermite nodes and weights (n = 10, physicists'), for E over a normal seed effect. */
    private static final double[] NODES = {
        -3.4361591188377376,
        -2.5327316742327897,
        -1.7566836492998818,
        -1.0366108297895136,
        -0.3429013272237046,
        0.3429013272237046,
        1.0366108297895136,
        1.7566836492998818,
        2.5327316742327897,
        3.4361591188377376
    };

    private static final double[] WEIGHTS = {
        7.640432855232621e-06,
        0.0013436457467812327,
        0.033874394455481063,
        0.24013861108231469,
        0.6108626337353258,
        0.6108626337353258,
        0.24013861108231469,
        0.033874394455481063,
        0.0013436457467812327,
        7.640432855232621e-06
    };
    private static final IntervalSettings SETTINGS = new IntervalSettings(200, 20230503L, 0.95);

    /** What {@link #simulate} measured over the studies. */
    record Rates(double coverage, double decisions, double exploratory) {}

    /**
     * @param effect the treatment's shift of every logit
     * @param seedSd the standard deviation of a run's logit shift
     */
    static Rates simulate(int seeds, double effect, double seedSd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Intervals intervals = new Intervals(SETTINGS);
        int covered = 0;
        int decided = 0;
        int exploratory = 0;
        List<String> ids = IntStream.range(0, PROBLEMS).mapToObj(p -> "p" + p).toList();
        for (int study = 0; study < STUDIES; study++) {
            double[] difficulty = new double[PROBLEMS];
            double truth = 0;
            for (int p = 0; p < PROBLEMS; p++) {
                difficulty[p] = BASE + PROBLEM_SD * random.nextGaussian();
                truth += (expected(difficulty[p] + effect, seedSd) - expected(difficulty[p], seedSd)) / PROBLEMS;
            }
            PassMatrix reference = arm(random, difficulty, 0, seeds, seedSd, ids);
            PassMatrix treatment = arm(random, difficulty, effect, seeds, seedSd, ids);
            Estimate difference = intervals.difference(reference, treatment);
            if (difference.low() <= truth && truth <= difference.high()) covered++;
            Comparison gain = Comparison.of(
                    "gain",
                    Claim.GAINS,
                    null,
                    SETTINGS,
                    c -> new Intervals(SETTINGS.withConfidence(c)).difference(reference, treatment));
            Verdict verdict = VerdictRules.some(List.of(gain), SETTINGS, seeds + " seeds");
            if (verdict.outcome().decides()) decided++;
            if (verdict.outcome() == Outcome.EXPLORATORY) exploratory++;
        }
        return new Rates((double) covered / STUDIES, (double) decided / STUDIES, (double) exploratory / STUDIES);
    }

    private static PassMatrix arm(
            SplittableRandom random, double[] difficulty, double effect, int seeds, double seedSd, List<String> ids) {
        double[][] values = new double[seeds][PROBLEMS];
        for (int s = 0; s < seeds; s++) {
            double shift = seedSd * random.nextGaussian();
            for (int p = 0; p < PROBLEMS; p++) {
                double rate = sigmoid(difficulty[p] + effect + shift);
                int correct = 0;
                for (int i = 0; i < SAMPLES; i++) if (random.nextDouble() < rate) correct++;
                values[s][p] = (double) correct / SAMPLES; // pass@1 = c / n
            }
        }
        return new PassMatrix(ids, values);
    }

    /** E[sigmoid(logit + sd * Z)], Z standard normal. */
    private static double expected(double logit, double sd) {
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) sum += WEIGHTS[i] * sigmoid(logit + Math.sqrt(2) * sd * NODES[i]);
        return sum / Math.sqrt(Math.PI);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void intervalsKeepTheirCoverageWithThreeAndFiveSeeds() {
        for (int seeds : new int[] {3, 5}) {
            for (double seedSd : new double[] {0.3, 0.05}) {
                Rates rates = simulate(seeds, 0.5, seedSd, 11L * seeds);
                assertTrue(
                        rates.coverage() >= 0.92 && rates.coverage() <= 0.98,
                        seeds + " seeds, seed sd " + seedSd + ": coverage " + rates.coverage());
            }
        }
    }

    @Test
    void aNullEffectIsDecidedAtMostAtTheNominalRate() {
        for (int seeds : new int[] {3, 5}) {
            Rates rates = simulate(seeds, 0, 0.3, 7L * seeds);
            assertTrue(
                    rates.decisions() <= 0.06,
                    seeds + " seeds: supports/contradicts in " + rates.decisions() + " of null studies");
            assertTrue(
                    rates.coverage() >= 0.92 && rates.coverage() <= 0.98,
                    seeds + " seeds: null coverage " + rates.coverage());
        }
    }

    @Test
    void oneSeedNeverDecidesBecauseItsIntervalIgnoresSeedSpread() {
        Rates rates = simulate(1, 0, 0.3, 5);
        assertEquals(0.0, rates.decisions(), "no supports/contradicts with one seed");
        assertEquals(1.0, rates.exploratory(), "every one-seed study is exploratory");
        assertTrue(
                rates.coverage() < 0.9, "the problem bootstrap misses the seed spread: coverage " + rates.coverage());
    }

    @Test
    void theSimulationCanFail() {
        // The same intervals under a real effect: a test that only ever saw nulls would pass any rule.
        Rates rates = simulate(5, 0.5, 0.05, 3);
        assertTrue(
                rates.decisions() > 0.5,
                "a 0.5-logit gain with 5 seeds is found in most studies: " + rates.decisions());
    }
}
