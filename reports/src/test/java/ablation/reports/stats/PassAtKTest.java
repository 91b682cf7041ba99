package ablation.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ablation.reports.model.ProblemResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {
    /** 1 - C(n-c, k) / C(n, k) with exact integers. */
    static double exact(int n, int c, int k) {
        BigInteger fail = binomial(n - c, k);
        return 1 - new BigDecimal(fail).divide(new BigDecimal(binomial(n, k)), MathContext.DECIMAL128).doubleValue();
    }

    static BigInteger binomial(int n, int k) {
        if (k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    @Test
    void matchesExactBinomialsOverAGrid() {
        for (int n : new int[] {1, 2, 5, 10, 20, 200}) {
            for (int c = 0; c <= n; c += Math.max(1, n / 10)) {
                for (int k = 1; k <= n; k += Math.max(1, n / 7)) {
                    assertEquals(exact(n, c, k), PassAtK.of(n, c, k), 1e-12, "n=" + n + " c=" + c + " k=" + k);
                }
            }
        }
    }

    @Test
    void passAtOneIsTheFractionCorrect() {
        assertEquals(3.0 / 7, PassAtK.of(7, 3, 1), 1e-15);
    }

    @Test
    void kAboveNIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassAtK.of(5, 2, 6));
        assertEquals(true, e.getMessage().contains("k = 6") && e.getMessage().contains("n = 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PassAtK.of(5, 2, 0));
    }

    @Test
    void meanIsOverProblems() {
        List<ProblemResult> problems = List.of(new ProblemResult("a", 10, 0), new ProblemResult("b", 10, 10), new ProblemResult("c", 10, 5));
        assertEquals((0 + 1 + exact(10, 5, 2)) / 3, PassAtK.mean(problems, 2), 1e-12);
    }
}
