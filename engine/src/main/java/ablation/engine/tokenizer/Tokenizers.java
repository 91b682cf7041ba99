package ablation.engine.tokenizer;

import ablation.core.WorkbenchException;
import ablation.core.config.TokenizerConfig;
import ablation.core.config.UserPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where tokenizers come from: a tokenizer.json on disk, or byte-level BPE trained on a corpus (and cached). */
public final class Tokenizers {
    private static final Logger LOG = LoggerFactory.getLogger(Tokenizers.class);

    /** Bumped whenever training would learn different merges from the same text: old cache entries are ignored. */
    private static final String TRAINER_VERSION = "byte-level-bpe-1";

    private Tokenizers() {}

    /**
     * The tokenizer a config asks for: {@code tokenizer.path} loaded, or BPE trained on the first
     * {@code sample_mb} megabytes (10^6 bytes of UTF-8) of {@code corpus}. A trained tokenizer is cached
     * in {@code cacheDir} under a key of (sample hash, vocab_size, mask_tokens), so a second run on the
     * same data loads it instead of training; {@code corpus} is then still read, up to the sample size,
     * to compute the hash.
     *
     * @param corpus opens a fresh stream of documents; only called when training, and closed after
     */
    public static BpeTokenizer forConfig(
            TokenizerConfig config, Supplier<? extends Stream<String>> corpus, Path cacheDir) {
        if (config.path() != null) return load(UserPaths.expand(config.path()));
        TokenizerConfig.Train train = config.train();
        CorpusSample sample = sample(train, corpus);
        String key = BpeTokenizer.sha256((TRAINER_VERSION + " sample=" + sample.sha256() + " vocab_size="
                        + train.vocabSize() + " mask_tokens=" + config.maskTokens())
                .getBytes(StandardCharsets.UTF_8));
        Path cached = cacheDir.resolve("tokenizer-" + key.substring(0, 16) + ".json");
        if (Files.isRegularFile(cached)) {
            try {
                BpeTokenizer tokenizer = load(cached);
                LOG.info("tokenizer: reusing {} (vocabulary {})", cached, tokenizer.vocabSize());
                return tokenizer;
            } catch (WorkbenchException e) {
                LOG.warn("tokenizer: cached {} is unreadable ({}); training again", cached, e.getMessage());
            }
        }
        BpeTokenizer tokenizer = train(sample.documents(), train.vocabSize(), config.maskTokens());
        writeAtomically(tokenizer, cached);
        return tokenizer;
    }

    /**
     * Trains BPE as {@link #forConfig} does (on the first {@code sample_mb} of {@code corpus}) and
     * writes it to {@code file} atomically, so a reader never sees half a tokenizer.
     */
    public static BpeTokenizer trainTo(TokenizerConfig config, Supplier<? extends Stream<String>> corpus, Path file) {
        if (config.train() == null) throw new IllegalArgumentException("tokenizer.train is not set");
        List<String> documents = sample(config.train(), corpus).documents();
        BpeTokenizer tokenizer = train(documents, config.train().vocabSize(), config.maskTokens());
        writeAtomically(tokenizer, file);
        return tokenizer;
    }

    private static CorpusSample sample(TokenizerConfig.Train train, Supplier<? extends Stream<String>> corpus) {
        CorpusSample sample;
        try (Stream<String> documents = corpus.get()) {
            sample = CorpusSample.take(documents.iterator(), (long) (train.sampleMb() * 1e6));
        }
        if (sample.bytes() == 0) {
            throw new WorkbenchException("tokenizer.train: the corpus has no text to learn BPE merges from");
        }
        return sample;
    }

    /** Loads a Hugging Face tokenizer.json (byte-level BPE, e.g. GPT-2's or CodeGen2's). */
    public static BpeTokenizer load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WorkbenchException("cannot read tokenizer " + file + ": " + e.getMessage(), e);
        }
        return BpeTokenizer.of(TokenizerJson.parse(bytes, file.toString()), file.toString());
    }

    /**
     * Trains byte-level BPE on {@code documents}: {@code vocabSize} tokens in all, i.e. the 256 bytes,
     * the learned merges, then the special tokens ({@code maskTokens} masks) and the indentation runs
     * of {@link AddedTokens}. A corpus too small to supply enough merges gives a smaller vocabulary.
     * Same documents, same tokenizer (byte for byte).
     */
    public static BpeTokenizer train(List<String> documents, int vocabSize, int maskTokens) {
        int learned = vocabSize - addedTokenCount(maskTokens);
        if (learned < 256) {
            throw new WorkbenchException("vocab_size " + vocabSize + " leaves no room for merges: the 256 bytes and "
                    + addedTokenCount(maskTokens) + " added tokens need at least "
                    + TokenizerConfig.minimumVocabSize(maskTokens));
        }
        long start = System.nanoTime();
        Map<String, Long> words = WordCounts.count(documents);
        long counted = System.nanoTime();
        BpeTrainer.Result bpe = BpeTrainer.train(words, learned);
        LOG.info(
                "tokenizer: learned {} merges from {} distinct words in {} s (counting {} s)",
                bpe.merges().size(),
                words.size(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9),
                String.format("%.1f", (counted - start) / 1e9));
        if (bpe.vocab().size() < learned) {
            LOG.warn(
                    "tokenizer: the corpus only supports {} of the {} BPE tokens asked; the vocabulary has {} tokens",
                    bpe.vocab().size(),
                    learned,
                    bpe.vocab().size() + addedTokenCount(maskTokens));
        }
        JsonNode tree = TokenizerJson.trained(bpe, AddedTokens.specials(maskTokens), AddedTokens.whitespaceRuns());
        return BpeTokenizer.of(tree, "trained tokenizer");
    }

    /** Tokens a trained vocabulary adds to the learned ones: specials (with {@code maskTokens} masks) and indentation runs. */
    public static int addedTokenCount(int maskTokens) {
        return AddedTokens.count(maskTokens);
    }

    private static void writeAtomically(BpeTokenizer tokenizer, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(
                    file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                tokenizer.save(tmp);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            LOG.info("tokenizer: written to {}", file);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the tokenizer cache " + file + ": " + e.getMessage(), e);
        }
    }
}
