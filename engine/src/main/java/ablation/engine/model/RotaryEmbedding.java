package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding as in GPT-J ({@code rotate_every_two}): the first {@code rotary_dim}
 * dimensions of each head form interleaved pairs {@code (2i, 2i+1)}, and pair i at position p is
 * rotated by the angle {@code p / 10000^(2i / rotary_dim)}:
 * <pre>
 *   out[2i]   = x[2i]   cos - x[2i+1] sin
 *   out[2i+1] = x[2i+1] cos + x[2i]   sin
 * </pre>
 * The remaining dimensions of the head pass unchanged. The dot product of a rotated query and a
 * rotated key depends only on their relative position.
 *
 * <p>Computed as {@code x * cos + swapPairs(x) * sinSigned} over the whole head, with tables that
 * hold cos = 1 and sin = 0 past {@code rotary_dim}, and the sign of the pair's first element
 * folded into {@code sinSigned}: four element-wise ops and no slicing. The tables cover the
 * model's context and are built once per device.
 */
public final class RotaryEmbedding {
    static final double BASE = 10000.0;

    private final int headDim;
    private final NDArray cos; // (context, head_dim)
    private final NDArray sinSigned; // (context, head_dim)

    RotaryEmbedding(NDManager manager, int headDim, int rotaryDim, int context) {
        this.headDim = headDim;
        float[] cosTable = new float[context * headDim];
        float[] sinTable = new float[context * headDim];
        for (int p = 0; p < context; p++) {
            for (int d = 0; d < headDim; d++) {
                int at = p * headDim + d;
                if (d >= rotaryDim) {
                    cosTable[at] = 1f;
                    continue;
                }
                float angle = angle(p, d / 2, rotaryDim);
                cosTable[at] = (float) Math.cos(angle);
                sinTable[at] = (float) (d % 2 == 0 ? -Math.sin(angle) : Math.sin(angle));
            }
        }
        cos = manager.create(cosTable, new Shape(context, headDim));
        sinSigned = manager.create(sinTable, new Shape(context, headDim));
    }

    /**
     * The rotation angle of pair {@code pair} at {@code position}, in float32 arithmetic like the
     * Hugging Face port ({@code inv_freq = 1 / 10000^(2i/d)}, angle = position · inv_freq).
     */
    static float angle(int position, int pair, int rotaryDim) {
        float inverseFrequency = (float) (1.0 / Math.pow(BASE, (2.0 * pair) / rotaryDim));
        return (float) position * inverseFrequency;
    }

    /** The tables' rows for positions {@code offset .. offset+length-1}: a view, no copy. */
    public Tables at(int offset, int length) {
        NDIndex rows = new NDIndex("{}:{}", offset, offset + length);
        return new Tables(cos.get(rows).expandDims(1), sinSigned.get(rows).expandDims(1));
    }

    /**
     * Rotates queries and/or keys, any number of heads at once.
     *
     * @param x (B, T, heads, head_dim)
     * @param tables rows for the T positions of x, from {@link #at}
     * @return (B, T, heads, head_dim)
     */
    public NDArray apply(NDArray x, Tables tables) {
        Shape shape = x.getShape();
        // (B, T, heads, head_dim/2, 2) with each pair reversed: x[2i+1], x[2i]
        NDArray swapped = x.reshape(shape.get(0), shape.get(1), shape.get(2), headDim / 2, 2)
                .flip(4)
                .reshape(shape);
        return x.mul(tables.cos).addi(swapped.muli(tables.sinSigned));
    }

    /** cos and signed sin for a run of positions, each (T, 1, head_dim) to broadcast over heads. */
    public record Tables(NDArray cos, NDArray sinSigned) {}
}
