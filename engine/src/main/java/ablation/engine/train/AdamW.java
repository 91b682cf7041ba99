package ablation.engine.train;

import ablation.core.config.TrainConfig;
import ablation.engine.model.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), as {@code torch.optim.AdamW}:
 * <pre>
 *   m = β1·m + (1-β1)·g        v = β2·v + (1-β2)·g²
 *   p = p·(1 - lr·wd)          (matrices only: not biases, not LayerNorm)
 *   p = p - lr · m/(1-β1^t) / (sqrt(v/(1-β2^t)) + ε)
 * </pre>
 * The moments are ours (DJL's optimizers keep theirs private), created up front on the
 * parameters' device so that per-step scopes never free them, and exposed for checkpoints.
 * Call {@link #update} outside any {@code GradientCollector}: updates are in place and untracked.
 */
public final class AdamW implements AutoCloseable {
    private final Map<String, NDArray> parameters;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private final NDManager manager;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private long step;

    public AdamW(Parameters parameters, NDManager parent, TrainConfig config) {
        this.parameters = parameters.asMap();
        this.manager = parent.newSubManager();
        this.beta1 = (float) config.beta1();
        this.beta2 = (float) config.beta2();
        this.eps = (float) config.eps();
        this.weightDecay = (float) config.weightDecay();
        for (Map.Entry<String, NDArray> each : this.parameters.entrySet()) {
            firstMoments.put(each.getKey(), manager.zeros(each.getValue().getShape()));
            secondMoments.put(each.getKey(), manager.zeros(each.getValue().getShape()));
        }
    }

    /**
     * One update from the accumulated gradients, which are then zeroed.
     *
     * @param lr this step's learning rate
     * @param gradientScale multiplies every gradient first (global-norm clipping)
     */
    public void update(float lr, float gradientScale) {
        step++;
        float correction1 = 1 - (float) Math.pow(beta1, step);
        float correction2 = 1 - (float) Math.pow(beta2, step);
        for (Map.Entry<String, NDArray> each : parameters.entrySet()) {
            NDArray parameter = each.getValue();
            NDArray gradient = parameter.getGradient();
            NDArray m = firstMoments.get(each.getKey());
            NDArray v = secondMoments.get(each.getKey());
            m.muli(beta1).addi(gradient.mul((1 - beta1) * gradientScale));
            v.muli(beta2).addi(gradient.square().muli((1 - beta2) * gradientScale * gradientScale));
            if (weightDecay > 0 && Parameters.decays(parameter)) parameter.muli(1 - lr * weightDecay);
            NDArray denominator =
                    v.sqrt().muli(1 / (float) Math.sqrt(correction2)).addi(eps);
            parameter.subi(m.div(denominator).muli(lr / correction1));
            JniUtils.zeroGrad((PtNDArray) parameter);
        }
    }

    /** Updates done so far (the t of the bias correction). */
    public long step() {
        return step;
    }

    /** Moments by name, {@code m.<parameter>} and {@code v.<parameter>}, for a checkpoint. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> state.put("m." + name, m));
        secondMoments.forEach((name, v) -> state.put("v." + name, v));
        return state;
    }

    /** Restores moments saved by {@link #state} and the step count, from a checkpoint. */
    public void restore(long step, Map<String, float[]> state) {
        for (Map.Entry<String, NDArray> each : state().entrySet()) {
            float[] values = state.get(each.getKey());
            if (values == null || values.length != each.getValue().getShape().size()) {
                throw new IllegalArgumentException("optimizer state lacks or mis-sizes " + each.getKey());
            }
            each.getValue().set(values);
        }
        this.step = step;
    }

    @Override
    public void close() {
        manager.close();
    }
}
