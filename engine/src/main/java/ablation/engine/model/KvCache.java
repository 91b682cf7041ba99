package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Keys and values of the positions already processed, per layer, so that sampling feeds only the
 * new tokens: each step's attention concatenates them with the new keys and values, and the new
 * queries sit at positions {@code length() ..}. The arrays live in the cache's own manager, outside
 * any {@link NDScope}, until the cache is closed. Inference only (no gradients).
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys; // per layer (B, H, length, head_dim)
    private final NDArray[] values; // per layer (B, H, length, head_dim)
    private int length;

    public KvCache(CodeGenModel model) {
        manager = model.manager().newSubManager();
        keys = new NDArray[model.config().layers()];
        values = new NDArray[model.config().layers()];
    }

    /** Positions cached so far: the position of the next token fed. */
    public int length() {
        return length;
    }

    NDArray keys(int layer) {
        return keys[layer];
    }

    NDArray values(int layer) {
        return values[layer];
    }

    /** Replaces a layer's keys and values with {@code k}, {@code v} (past and new, concatenated). */
    void store(int layer, NDArray k, NDArray v) {
        keys[layer] = keep(keys[layer], k);
        values[layer] = keep(values[layer], v);
    }

    private NDArray keep(NDArray old, NDArray fresh) {
        if (old != null) old.close();
        NDScope.unregister(fresh);
        fresh.attach(manager);
        return fresh;
    }

    /** Called by the model once every layer has stored the new positions. */
    void advance(int positions) {
        length += positions;
    }

    @Override
    public void close() {
        manager.close();
    }
}
