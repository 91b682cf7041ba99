package ablation.core.config;

import java.util.List;

/**
 * The training data: a weighted mixture of sources.
 *
 * @param holdoutDocs documents per source held out (chosen from the seed) for bits-per-byte evaluation
 * @param cacheDir where tokenized shards are cached (keyed by source content and tokenizer hash); {@code ~} is the home directory
 * @param deskSeed seed of the generated desk suite ({@code desk-pl}, {@code desk-nl}); the evaluation's
 *                 {@code desk-l2r} / {@code desk-infill} use the same seed, so training never sees their problems
 * @param desk difficulty of the generated desk suite, for its training documents and its benchmarks alike
 */
public record DataConfig(
        List<SourceConfig> sources, int holdoutDocs, String cacheDir, long deskSeed, DeskDifficulty desk) {
    public DataConfig {
        if (sources == null || sources.isEmpty())
            throw new ConfigException("data.sources", sources, "needs at least one source");
        sources = List.copyOf(sources);
        if (sources.stream().mapToDouble(SourceConfig::weight).sum()
                <= 0) { // each weight is already checked non-negative
            throw new ConfigException("data.sources[].weight", 0, "at least one source needs a positive weight");
        }
        if (sources.stream().map(SourceConfig::name).distinct().count() != sources.size()) {
            throw new ConfigException(
                    "data.sources[].name",
                    sources.stream().map(SourceConfig::name).toList(),
                    "names must be unique");
        }
        Check.nonNegative("data.holdout_docs", holdoutDocs);
        Check.present("data.cache_dir", cacheDir);
        Check.present("data.desk", desk);
    }

    /** {@code cache_dir} with {@code ~} expanded. */
    public java.nio.file.Path cacheDirectory() {
        return UserPaths.expand(cacheDir);
    }
}
