package ablation.engine.data;

/**
 * An endless, deterministic stream of training micro-batches. Its position can be saved in a
 * checkpoint and restored, so that a resumed run sees exactly the batches it would have seen.
 */
public interface BatchStream extends AutoCloseable {
    Batch next();

    /** The position after the last batch returned, as a JSON string. */
    String state();

    /** Continues from a position returned by {@link #state()}. */
    void restore(String state);

    @Override
    default void close() {}
}
