package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * The feed-forward half of a block: d → 4·d → d with biases and GELU in its tanh form
 * ({@code gelu_new} in GPT-J). Input and output (B, T, d).
 */
final class Mlp {
    /** gelu_new(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) = x·sigmoid(x·(C1 + C2·x²)). */
    static final double C1 = 2 * Math.sqrt(2 / Math.PI);

    static final double C2 = C1 * 0.044715;

    private final NDArray inWeight; // (4·d, d)
    private final NDArray inBias; // (4·d)
    private final NDArray outWeight; // (d, 4·d)
    private final NDArray outBias; // (d)
    private final NDArray c1; // () constants created once, not per call
    private final NDArray c2;

    Mlp(Parameters parameters, NDManager manager, String prefix, int dModel) {
        long inner = 4L * dModel;
        inWeight = parameters.normal(prefix + "fc_in.weight", new Shape(inner, dModel));
        inBias = parameters.zeros(prefix + "fc_in.bias", inner);
        outWeight = parameters.normal(prefix + "fc_out.weight", new Shape(dModel, inner));
        outBias = parameters.zeros(prefix + "fc_out.bias", dModel);
        c1 = manager.create((float) C1);
        c2 = manager.create((float) C2);
    }

    NDArray forward(NDArray x) {
        NDArray hidden = Linear.linear(x, inWeight, inBias).head(); // (B, T, 4·d)
        return Linear.linear(geluNew(hidden), outWeight, outBias).head();
    }

    /** Element-wise; the in-place steps only touch intermediates that autograd does not keep. */
    NDArray geluNew(NDArray x) {
        NDArray inner = x.square().muli(c2).addi(c1).mul(x); // x·(C1 + C2·x²)
        return inner.getNDArrayInternal().sigmoid().mul(x);
    }
}
