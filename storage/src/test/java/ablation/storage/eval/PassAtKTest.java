package ablation.storage.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassAtKTest {
    /** 1 - C(n-c, k) / C(n, k) with exact binomials, for comparison. */
    private static double byBinomials(int n, int c, int k) {
        return 1 - binomial(n - c, k) / binomial(n, k);
    }

    private static double binomial(int n, int k) {
        if (k > n) {
            return 0;
        }
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    @Test
    void matchesTheBinomialFormula() {
        for (int n = 1; n <= 30; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    assertEquals(byBinomials(n, c, k), PassAtK.estimate(n, c, k), 1e-12, "n=" + n + " c=" + c + " k=" + k);
                }
            }
        }
    }

    @Test
    void edgeCases() {
        assertEquals(0.1, PassAtK.estimate(10, 1, 1), 1e-15);
        assertEquals(0.0, PassAtK.estimate(200, 0, 100));
        assertEquals(1.0, PassAtK.estimate(200, 200, 1));
        assertEquals(1.0, PassAtK.estimate(10, 6, 5), "fewer failures than k: a pass is certain");
        assertEquals(1 - 56.0 / 252, PassAtK.estimate(10, 2, 5), 1e-12);
        assertTrue(PassAtK.estimate(1000, 1, 1) > 0, "stable for large n");
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(5, 1, 6));
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(5, 6, 1));
    }

    @Test
    void bootstrapPoolsRunsAndShrinksWithMoreProblems() {
        List<EvalResult> few = List.of(new EvalResult(1, 0, "b", "l2r", "p0", 10, 2),
                new EvalResult(1, 0, "b", "l2r", "p1", 10, 8));
        List<EvalResult> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new EvalResult(1, 0, "b", "l2r", "p" + i, 10, i % 2 == 0 ? 2 : 8));
        }
        PassAtKEstimate small = Evaluations.estimate(List.of(few), 1, 2000, 3);
        PassAtKEstimate large = Evaluations.estimate(List.of(many), 1, 2000, 3);
        assertEquals(0.5, small.mean(), 1e-12);
        assertEquals(0.5, large.mean(), 1e-12);
        assertTrue(large.upper() - large.lower() < (small.upper() - small.lower()) / 3,
                small + " vs " + large);

        List<EvalResult> otherSeed = List.of(new EvalResult(2, 0, "b", "l2r", "p0", 10, 4),
                new EvalResult(2, 0, "b", "l2r", "p1", 10, 10), new EvalResult(2, 0, "b", "l2r", "extra", 10, 0));
        PassAtKEstimate pooled = Evaluations.estimate(List.of(few, otherSeed), 1, 500, 3);
        assertEquals(2, pooled.problems(), "only problems every run has");
        assertEquals(2, pooled.runs());
        assertEquals((0.2 + 0.8 + 0.4 + 1.0) / 4, pooled.mean(), 1e-12);
    }
}
