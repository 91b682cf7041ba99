package ablation.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RotaryEmbeddingTest {
    static final int HEAD = 8;
    static final int ROTARY = 6;
    static NDManager manager;
    static RotaryEmbedding rotary;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
        rotary = new RotaryEmbedding(manager, HEAD, ROTARY, 64);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** One head vector rotated as if at {@code position}. */
    static float[] rotate(float[] x, int position) {
        NDArray input = manager.create(x, new Shape(1, 1, 1, HEAD)); // (B, T, heads, head_dim)
        return rotary.apply(input, rotary.at(position, 1)).toFloatArray();
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    static float[] random(Random random) {
        float[] x = new float[HEAD];
        for (int i = 0; i < HEAD; i++) x[i] = (float) random.nextGaussian();
        return x;
    }

    @Test
    void queryKeyProductDependsOnlyOnRelativePosition() {
        Random random = new Random(1);
        float[] q = random(random);
        float[] k = random(random);
        double atThreeAndOne = dot(rotate(q, 3), rotate(k, 1));
        assertEquals(atThreeAndOne, dot(rotate(q, 20), rotate(k, 18)), 1e-4);
        assertEquals(atThreeAndOne, dot(rotate(q, 42), rotate(k, 40)), 1e-4);
        assertTrue(
                Math.abs(atThreeAndOne - dot(rotate(q, 3), rotate(k, 2))) > 1e-3,
                "another distance gives another product");
    }

    @Test
    void rotatesInterleavedPairsLikeGptJAndPassesTheRestThrough() {
        Random random = new Random(2);
        float[] x = random(random);
        int position = 5;
        float[] rotated = rotate(x, position);
        for (int pair = 0; pair < ROTARY / 2; pair++) {
            double angle = position / Math.pow(10000, 2.0 * pair / ROTARY);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            assertEquals(x[2 * pair] * cos - x[2 * pair + 1] * sin, rotated[2 * pair], 1e-5);
            assertEquals(x[2 * pair + 1] * cos + x[2 * pair] * sin, rotated[2 * pair + 1], 1e-5);
        }
        assertArrayEquals(new float[] {x[6], x[7]}, new float[] {rotated[6], rotated[7]});
        assertArrayEquals(x, rotate(x, 0), 1e-7f);
    }
}
