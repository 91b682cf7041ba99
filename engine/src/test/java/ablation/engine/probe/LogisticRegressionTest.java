package ablation.engine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    /** n points in d dimensions; the label is the sign of a hidden direction when {@code separable}, a coin otherwise. */
    static Object[] data(int n, int d, boolean separable, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i][j] = 3 + random.nextGaussian() * (j + 1);  // offset and uneven scales
            y[i] = separable ? (x[i][0] - 3 - 0.5 * (x[i][2] - 3) > 0 ? 1 : 0) : random.nextInt(2);
        }
        return new Object[] {x, y};
    }

    @Test
    void learnsALinearRuleThatGeneralises() {
        Object[] train = data(200, 8, true, 1);
        Object[] test = data(200, 8, true, 2);
        LogisticRegression model = LogisticRegression.fit((double[][]) train[0], (int[]) train[1], 1e-3, 500, 0.5);
        assertTrue(model.accuracy((double[][]) test[0], (int[]) test[1]) > 0.93);
    }

    @Test
    void randomLabelsStayNearChanceOnNewData() {
        Object[] train = data(200, 8, false, 3);
        Object[] test = data(2000, 8, false, 4);
        LogisticRegression model = LogisticRegression.fit((double[][]) train[0], (int[]) train[1], 1e-2, 300, 0.5);
        assertEquals(0.5, model.accuracy((double[][]) test[0], (int[]) test[1]), 0.05);
    }
}
