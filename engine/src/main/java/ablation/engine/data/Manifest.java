package ablation.engine.data;

import java.util.List;
import java.util.Map;

/**
 * What a cache entry holds; written last, so an entry without one is never trusted.
 *
 * @param key the cache key (source content and settings, tokenizer hash, format version)
 * @param bytesPerToken 2 when every id fits 16 bits, else 4
 * @param shardDocuments documents in each shard file, in order
 * @param skipped bad records skipped ({@code on_bad_record: skip}); {@code firstProblem} says where the first one was
 * @param languages documents per language
 */
record Manifest(
        int version,
        String source,
        String key,
        int bytesPerToken,
        long documents,
        long tokens,
        List<Integer> shardDocuments,
        long skipped,
        String firstProblem,
        Map<String, Long> languages) {
    static final int VERSION = 1;
    static final String FILE = "manifest.json";
}
