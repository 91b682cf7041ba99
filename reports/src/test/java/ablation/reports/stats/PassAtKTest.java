package ablation.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
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
        assertEquals(true, e.getMessage().contains("pass@6") && e.getMessage().contains("n=5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PassAtK.of(5, 2, 0));
    }
}
