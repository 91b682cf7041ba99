package ablation.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {
    /** 1 - C(n-c, k) / C(n, k) with exact integers. */
    static double exact(int n, int c, int k) {
        BigDecimal ratio =
                new BigDecimal(binomial(n - c, k)).divide(new BigDecimal(binomial(n, k)), MathContext.DECIMAL128);
        return BigDecimal.ONE.subtract(ratio).doubleValue();
    }

    static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) return BigInteger.ZERO;
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++)
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        return result;
    }

    @Test
    void matchesExactBinomials() {
        int checked = 0;
        for (int n : new int[] {1, 2, 5, 10, 20, 100, 200}) {
            for (int c = 0; c <= n; c += Math.max(1, n / 17)) {
                for (int k : new int[] {1, 2, 5, 10, 50, 100, 200}) {
                    if (k > n) continue;
                    assertEquals(exact(n, c, k), PassAtK.of(n, c, k), 1e-12, "n=" + n + " c=" + c + " k=" + k);
                    checked++;
                }
            }
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    @Test
    void edgeCases() {
        assertEquals(0.0, PassAtK.of(200, 0, 1));
        assertEquals(0.0, PassAtK.of(200, 0, 200));
        assertEquals(1.0, PassAtK.of(200, 200, 1));
        assertEquals(1.0, PassAtK.of(10, 3, 8), "fewer than k failures: one of any k samples passes");
        assertEquals(0.3, PassAtK.of(10, 3, 1), 1e-15, "pass@1 is c/n");
    }

    @Test
    void refusesKOutsideOneToN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassAtK.of(5, 1, 10));
        assertTrue(e.getMessage().contains("pass@10") && e.getMessage().contains("n = 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PassAtK.of(5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> PassAtK.of(5, 6, 1));
    }

    @Test
    void meanIsOverProblems() {
        List<ProblemCount> counts =
                List.of(new ProblemCount("a", 4, 4), new ProblemCount("b", 4, 0), new ProblemCount("c", 4, 1));
        assertEquals((1.0 + 0.0 + 0.25) / 3, PassAtK.mean(counts, 1), 1e-15);
        assertEquals((1.0 + 0.0 + 0.5) / 3, PassAtK.mean(counts, 2), 1e-15);
    }

    @Test
    void matrixKeepsTheProblemsEverySeedHasInTheFirstSeedsOrder() {
        List<ProblemCount> first =
                List.of(new ProblemCount("b", 4, 1), new ProblemCount("a", 4, 2), new ProblemCount("c", 4, 4));
        List<ProblemCount> second = List.of(new ProblemCount("a", 4, 0), new ProblemCount("b", 4, 4));
        PassMatrix m = PassMatrix.of(List.of(first, second), 1);
        assertEquals(List.of("b", "a"), m.taskIds());
        assertEquals(0.25, m.values()[0][0], 1e-15);
        assertEquals(0.0, m.values()[1][1], 1e-15);
        assertEquals((0.25 + 0.5 + 1.0 + 0.0) / 4, m.mean(), 1e-15);
        assertThrows(
                IllegalArgumentException.class,
                () -> PassMatrix.of(List.of(List.of(new ProblemCount("a", 2, 1), new ProblemCount("a", 2, 0))), 1));
    }
}
