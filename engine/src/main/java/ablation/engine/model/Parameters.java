package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's trainable tensors by name, in creation order, like the {@code state_dict} of a
 * PyTorch module. Each tensor is a leaf that records its gradient. The names are the model's own
 * ({@code h.0.attn.qkv.weight}); {@link ablation.engine.export.GptjExport} maps them to the
 * Hugging Face GPT-J names. Creation order fixes the order in which random numbers are drawn, so
 * the same seed gives the same initial model.
 */
public final class Parameters {
    private final NDManager manager;
    private final float initStd;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();

    Parameters(NDManager manager, float initStd) {
        this.manager = manager;
        this.initStd = initStd;
    }

    /** A weight matrix drawn from N(0, init_std). */
    NDArray normal(String name, Shape shape) {
        return add(name, manager.randomNormal(0f, initStd, shape, DataType.FLOAT32));
    }

    /** A bias (or LayerNorm shift) starting at zero. */
    NDArray zeros(String name, long size) {
        return add(name, manager.zeros(new Shape(size), DataType.FLOAT32));
    }

    /** A LayerNorm scale starting at one. */
    NDArray ones(String name, long size) {
        return add(name, manager.ones(new Shape(size), DataType.FLOAT32));
    }

    private NDArray add(String name, NDArray tensor) {
        if (tensors.containsKey(name)) throw new IllegalStateException("duplicate parameter " + name);
        tensor.setName(name);
        tensor.setRequiresGradient(true);
        tensors.put(name, tensor);
        return tensor;
    }

    /** Name to tensor, in creation order (read-only view; update the tensors in place). */
    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(tensors);
    }

    public long count() {
        return tensors.values().stream().mapToLong(t -> t.getShape().size()).sum();
    }

    /** Weight decay applies to matrices (embeddings, projections, head), not to biases or LayerNorm. */
    public static boolean decays(NDArray tensor) {
        return tensor.getShape().dimension() >= 2;
    }
}
