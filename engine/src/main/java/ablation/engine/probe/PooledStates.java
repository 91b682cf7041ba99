package ablation.engine.probe;

import ablation.engine.model.AttentionMask;
import ablation.engine.model.CodeGenModel;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * A text's representation for a linear probe: the mean over its positions of the model's final
 * hidden states, after the final LayerNorm (what the LM head reads), d_model values.
 *
 * <p>{@link CodeGenModel} exposes logits, not hidden states; since the head is affine,
 * {@code logits = h W^T + b} with W (V, d) of full column rank (V &gt; d), the states are recovered
 * exactly from the logits: {@code h = (logits - b) W (W^T W)^-1}. Mean-pooling is linear, so the
 * logits are pooled first. A prefix-LM reads the whole text bidirectionally (prefix = its length), as
 * an encoder would.
 */
final class PooledStates implements AutoCloseable {
    private final CodeGenModel model;
    private final NDManager manager;
    private final NDArray fromLogits;  // (V, d) = W (W^T W)^-1
    private final NDArray bias;        // (V)

    PooledStates(CodeGenModel model) {
        this.model = model;
        this.manager = model.manager().newSubManager();
        NDArray weight = model.parameters().asMap().get("lm_head.weight");  // (V, d)
        bias = model.parameters().asMap().get("lm_head.bias");
        try (NDScope ignored = new NDScope()) {
            ignored.suppressNotUsedWarning();
            NDArray projection = weight.matMul(weight.transpose().matMul(weight).inverse());
            NDScope.unregister(projection);
            projection.attach(manager);
            fromLogits = projection;
        }
    }

    /** The pooled states of {@code ids} (at most the context, else its first context tokens): d values. */
    double[] of(int[] ids) {
        int length = Math.min(ids.length, model.config().context());
        int[] fed = Arrays.copyOf(ids, length);
        try (NDScope ignored = new NDScope()) {
            ignored.suppressNotUsedWarning();
            NDManager m = model.manager();
            NDArray prefix = model.config().isPrefixLm() ? AttentionMask.prefixLengths(m, new int[] {length}) : null;
            NDArray logits = model.forward(m.create(fed, new Shape(1, length)), prefix);  // (1, T, V)
            float[] pooled = logits.mean(new int[] {1}).sub(bias).matMul(fromLogits).toFloatArray();  // (1, d)
            double[] out = new double[pooled.length];
            for (int i = 0; i < out.length; i++) out[i] = pooled[i];
            return out;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
