package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.Arrays;

/**
 * Multi-head self-attention with rotary positions and no biases (GPT-J / CodeGen). The q, k and v
 * projections are one fused (3·d, d) matrix, rows [q; k; v] in PyTorch {@code Linear} layout, so a
 * single matmul produces all three.
 *
 * <p>Input (B, T, d), an additive mask (B|1, 1, T, S) from {@link AttentionMask}, the rotary rows of
 * the T positions; output (B, T, d). With a {@link KvCache}, the layer's cached keys and values
 * are prepended (S = past + T) and the new ones stored.
 */
final class Attention {
    private final int heads;
    private final int headDim;
    private final NDArray qkv; // (3·d, d)
    private final NDArray out; // (d, d)
    private final NDArray rowScale; // (3·d, 1): 1/sqrt(head_dim) on the q rows, 1 on k and v

    Attention(Parameters parameters, NDManager manager, String prefix, int dModel, int heads) {
        this.heads = heads;
        this.headDim = dModel / heads;
        qkv = parameters.normal(prefix + "qkv.weight", new Shape(3L * dModel, dModel));
        out = parameters.normal(prefix + "out.weight", new Shape(dModel, dModel));
        float[] scale = new float[3 * dModel];
        Arrays.fill(scale, 1f);
        Arrays.fill(scale, 0, dModel, (float) (1.0 / Math.sqrt(headDim)));
        rowScale = manager.create(scale, new Shape(3L * dModel, 1));
    }

    NDArray forward(
            NDArray x,
            NDArray mask,
            RotaryEmbedding rotary,
            RotaryEmbedding.Tables positions,
            KvCache cache,
            int layer) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        long d = (long) heads * headDim;
        // The score scale 1/sqrt(hd) is applied to the q rows of the (3·d, d) weight, a far smaller
        // tensor than the scores; rotation is linear, so scaling before it is the same.
        NDList parts = Linear.linear(x, qkv.mul(rowScale)).head().split(new long[] {2 * d}, 2);
        // q and k rotated together: (B, T, 2·d) viewed as (B, T, 2·H, hd)
        NDArray qk = rotary.apply(parts.get(0).reshape(batch, length, 2L * heads, headDim), positions);
        NDArray q = qk.get(new NDIndex(":, :, :{}", heads)).transpose(0, 2, 1, 3); // (B, H, T, hd)
        NDArray k = qk.get(new NDIndex(":, :, {}:", heads)).transpose(0, 2, 1, 3); // (B, H, T, hd)
        NDArray v = parts.get(1).reshape(batch, length, heads, headDim).transpose(0, 2, 1, 3); // (B, H, T, hd)
        if (cache != null) {
            if (cache.length() > 0) {
                k = NDArrays.concat(new NDList(cache.keys(layer), k), 2);
                v = NDArrays.concat(new NDList(cache.values(layer), v), 2);
            }
            cache.store(layer, k, v);
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).addi(mask); // (B, H, T, S)
        NDArray attended = scores.softmax(3).matMul(v); // (B, H, T, hd)
        NDArray merged = attended.transpose(0, 2, 1, 3).reshape(batch, length, d);
        return Linear.linear(merged, out).head(); // (B, T, d)
    }
}
