package ablation.engine.data;

import ablation.core.config.SourceConfig;

/**
 * One source ready for training.
 *
 * @param store its cache entry (every document read, held-out ones included)
 * @param heldOut ids in {@code store} of the held-out documents
 * @param training the training documents, {@code max_tokens} applied
 * @param endless a generated source without {@code max_tokens}: it stands for an endless stream, so
 *                no epochs are counted (it is materialised for the whole training budget)
 * @param reused whether the cache entry already existed
 */
record PreparedSource(
        SourceConfig config, TokenStore store, int[] heldOut, Documents training, boolean endless, boolean reused) {
    String name() {
        return config.name();
    }
}
