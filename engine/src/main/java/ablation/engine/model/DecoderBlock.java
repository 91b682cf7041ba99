package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/**
 * One CodeGen / GPT-J block: a single LayerNorm whose output feeds attention and MLP in parallel,
 * {@code x + attn(ln(x)) + mlp(ln(x))}. Input and output (B, T, d).
 */
final class DecoderBlock {
    private final Shape normalized;
    private final float epsilon;
    private final NDArray lnWeight; // (d)
    private final NDArray lnBias; // (d)
    private final Attention attention;
    private final Mlp mlp;

    DecoderBlock(Parameters parameters, NDManager manager, String prefix, int dModel, int heads, float epsilon) {
        this.normalized = new Shape(dModel);
        this.epsilon = epsilon;
        lnWeight = parameters.ones(prefix + "ln_1.weight", dModel);
        lnBias = parameters.zeros(prefix + "ln_1.bias", dModel);
        attention = new Attention(parameters, manager, prefix + "attn.", dModel, heads);
        mlp = new Mlp(parameters, manager, prefix + "mlp.", dModel);
    }

    NDArray forward(
            NDArray x,
            NDArray mask,
            RotaryEmbedding rotary,
            RotaryEmbedding.Tables positions,
            KvCache cache,
            int layer) {
        NDArray normed =
                LayerNorm.layerNorm(x, normalized, lnWeight, lnBias, epsilon).head(); // over the last axis
        NDArray attended = attention.forward(normed, mask, rotary, positions, cache, layer);
        return mlp.forward(normed).addi(attended).addi(x);
    }
}
