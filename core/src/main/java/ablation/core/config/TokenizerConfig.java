package ablation.core.config;

/**
 * Where the tokenizer comes from: an existing Hugging Face {@code tokenizer.json} ({@code path}),
 * or byte-level BPE trained on the run's data ({@code train}). Exactly one of the two.
 *
 * @param maskTokens number of {@code <mask_k>} sentinels added to a trained vocabulary
 */
public record TokenizerConfig(String path, Train train, int maskTokens) {
    public TokenizerConfig {
        if ((path == null) == (train == null)) {
            throw new ConfigException(
                    "tokenizer",
                    path == null ? "{}" : "{path, train}",
                    "give exactly one of tokenizer.path (a tokenizer.json) or tokenizer.train");
        }
        Check.positive("tokenizer.mask_tokens", maskTokens);
        if (train != null && train.vocabSize() < minimumVocabSize(maskTokens)) {
            throw new ConfigException(
                    "tokenizer.train.vocab_size",
                    train.vocabSize(),
                    "must be at least "
                            + minimumVocabSize(maskTokens) + " with mask_tokens " + maskTokens
                            + " (256 bytes, " + addedTokenCount(maskTokens) + " added tokens and room for merges)");
        }
    }

    /**
     * Tokens a trained vocabulary adds to the learned ones: seven specials (end of text, padding,
     * {@code <sep>}, {@code <eom>}, three FIM sentinels), the masks, and the indentation runs of 2-32
     * spaces and 2-8 tabs. The engine's tokenizer builds that list; a test keeps the two counts equal.
     */
    public static int addedTokenCount(int maskTokens) {
        return 7 + maskTokens + 31 + 7;
    }

    /** The smallest {@code vocab_size} that leaves room for one merge: 256 bytes, the added tokens, one merge. */
    public static int minimumVocabSize(int maskTokens) {
        return 256 + addedTokenCount(maskTokens) + 1;
    }

    /**
     * @param vocabSize total vocabulary including the 256 byte tokens and the added (special and indentation) tokens
     * @param sampleMb megabytes of training text the BPE merges are learned from
     */
    public record Train(int vocabSize, double sampleMb) {
        public Train {
            if (vocabSize < 512)
                throw new ConfigException("tokenizer.train.vocab_size", vocabSize, "must be at least 512");
            Check.positive("tokenizer.train.sample_mb", sampleMb);
        }
    }
}
