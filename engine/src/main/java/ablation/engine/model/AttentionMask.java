package ablation.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Which keys each query may see, as an additive mask (0 where allowed, -1e9 where not) that the
 * attention adds to its scores before the softmax. This is where the architectures differ:
 * <ul>
 *   <li>causal: query position i sees key positions j &le; i;</li>
 *   <li>prefix-LM: a row with prefix length p additionally lets every position i &lt; p see every
 *       position j &lt; p (bidirectional attention inside the prefix, causal after it).</li>
 * </ul>
 * Queries may start at an offset (the length of a KV cache): their positions are
 * {@code past .. past+T-1}, the keys' {@code 0 .. past+T-1}. The causal mask for the whole context
 * is built once per device (from {@code arange} comparisons, there is no {@code tril}) and sliced.
 */
public final class AttentionMask {
    static final float BLOCKED = -1e9f;

    private final NDArray causal; // (1, 1, context, context)
    private final NDArray positions; // (context) int32: 0, 1, ..., context-1

    AttentionMask(NDManager manager, int context) {
        positions = manager.arange(0, context, 1, DataType.INT32);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray query = positions.reshape(context, 1);
            NDArray key = positions.reshape(1, context);
            NDArray future = key.gt(query); // (context, context): true above the diagonal
            causal = future.toType(DataType.FLOAT32, false).muli(BLOCKED).reshape(1, 1, context, context);
            for (NDArray scratchArray : new NDArray[] {query, key, future}) scratchArray.attach(scratch);
        }
    }

    /**
     * The mask for T queries after {@code past} cached positions.
     *
     * @param prefixLengths (B) int32 prefix length of each row, or null for a causal model
     * @return (1, 1, T, past+T) for a causal model, (B, 1, T, past+T) with prefixes
     */
    public NDArray forQueries(int past, int length, NDArray prefixLengths) {
        int keys = past + length;
        NDArray mask = causal.get(new NDIndex(":, :, {}:{}, :{}", past, keys, keys));
        if (prefixLengths == null) return mask;
        long batch = prefixLengths.getShape().get(0);
        NDArray prefix = prefixLengths.reshape(batch, 1);
        NDArray queryInPrefix = positions
                .get(new NDIndex("{}:{}", past, keys))
                .reshape(1, length)
                .lt(prefix); // (B, T)
        NDArray keyInPrefix =
                positions.get(new NDIndex(":{}", keys)).reshape(1, keys).lt(prefix); // (B, S)
        NDArray outsidePrefix = queryInPrefix
                .reshape(batch, 1, length, 1)
                .logicalAnd(keyInPrefix.reshape(batch, 1, 1, keys))
                .logicalNot();
        return mask.mul(outsidePrefix.toType(DataType.FLOAT32, false)); // (B, 1, T, S): 0 inside the prefix
    }

    /** Prefix lengths as the (B) int32 tensor {@link #forQueries} takes; null when every row is causal. */
    public static NDArray prefixLengths(NDManager manager, int[] lengths) {
        for (int length : lengths) {
            if (length > 0) return manager.create(lengths, new Shape(lengths.length));
        }
        return null;
    }
}
