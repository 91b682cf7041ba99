package ablation.engine.data;

import ablation.core.WorkbenchException;
import ablation.core.config.DataConfig;
import ablation.core.config.SourceConfig;
import ablation.core.config.SourceKind;
import ablation.engine.desk.DeskCorpus;
import ablation.engine.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokenizes a source once into the cache under {@code data.cache_dir} and picks its held-out and
 * training documents.
 *
 * <p>Cache key: for {@code files} / {@code jsonl}, a hash of the files' names and bytes with the
 * reading settings; for the generated kinds, the kind, {@code desk_seed}, the size and a hash of the
 * first documents generated (which changes if the generator does); always with the tokenizer's
 * sha256. A second run on the same data reuses the entry.
 *
 * <p>Held-out documents: for {@code files} / {@code jsonl}, {@code holdout_docs} documents drawn
 * from the seed; for the generated kinds, the first {@code holdout_docs} documents of the stream
 * (the generator already keeps the benchmark's problems out). {@code max_tokens} caps the training
 * documents (not the held-out ones). A generated source without {@code max_tokens} is endless:
 * it is materialised for the whole training budget, so no sequence repeats within it.
 */
final class SourceCache {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCache.class);
    private static final int FINGERPRINT_DOCUMENTS = 8;

    private SourceCache() {}

    /**
     * @param endlessTokens tokens to materialise for a generated source without {@code max_tokens}
     */
    static PreparedSource prepare(
            SourceConfig source, DataConfig data, Tokenizer tokenizer, long seed, long endlessTokens, int threads) {
        Path root = data.cacheDirectory();
        return source.isGenerated()
                ? generated(source, data, tokenizer, endlessTokens, threads, root)
                : files(source, data, tokenizer, seed, threads, root);
    }

    private static PreparedSource files(
            SourceConfig source, DataConfig data, Tokenizer tokenizer, long seed, int threads, Path root) {
        List<Path> files = SourceFiles.list(source);
        String key = sha256(String.join(
                "|",
                "v" + Manifest.VERSION,
                source.kind().label(),
                source.textField(),
                source.onBadRecord(),
                SourceFiles.contentHash(files),
                tokenizer.sha256()));
        Path directory = root.resolve(directoryName(source, key));
        TokenStore store = TokenStore.open(directory);
        boolean reused = store != null;
        if (!reused) {
            FileDocuments documents = new FileDocuments(source, files);
            store = build(source, directory, key, documents, tokenizer, threads, Long.MAX_VALUE, 0, documents);
        }
        if (store.count() == 0) {
            Manifest m = store.manifest();
            throw new WorkbenchException("source " + source.name() + ": no documents in " + source.path()
                    + (m.skipped() > 0
                            ? " (" + m.skipped() + " bad records skipped; the first: " + m.firstProblem() + ")"
                            : ""));
        }
        if (data.holdoutDocs() >= store.count()) {
            throw new WorkbenchException(
                    "source " + source.name() + " has " + store.count() + " documents: data.holdout_docs = "
                            + data.holdoutDocs() + " would leave none for training; lower data.holdout_docs");
        }
        int[] heldOut = sample(
                store.count(),
                data.holdoutDocs(),
                new SplittableRandom(Seeds.derive(seed, "holdout/" + source.name(), 0)));
        Set<Integer> held = new HashSet<>();
        for (int id : heldOut) held.add(id);
        int[] training =
                IntStream.range(0, store.count()).filter(i -> !held.contains(i)).toArray();
        return new PreparedSource(
                source, store, heldOut, new Selection(store, training, source.maxTokens()), false, reused);
    }

    private static PreparedSource generated(
            SourceConfig source, DataConfig data, Tokenizer tokenizer, long endlessTokens, int threads, Path root) {
        long target = source.maxTokens() > 0 ? source.maxTokens() : endlessTokens;
        int holdout = data.holdoutDocs();
        StringBuilder fingerprint = new StringBuilder();
        Iterator<String> first = DeskCorpus.documents(source.kind(), data.deskSeed(), data.desk());
        for (int i = 0; i < FINGERPRINT_DOCUMENTS && first.hasNext(); i++) fingerprint.append(sha256(first.next()));
        String key = sha256(String.join(
                "|",
                "v" + Manifest.VERSION,
                source.kind().label(),
                Long.toString(data.deskSeed()),
                Integer.toString(holdout),
                Long.toString(target),
                fingerprint,
                tokenizer.sha256()));
        Path directory = root.resolve(directoryName(source, key));
        TokenStore store = TokenStore.open(directory);
        boolean reused = store != null;
        if (!reused) {
            String language = source.kind() == SourceKind.DESK_PL ? "python" : "english";
            Iterator<String> texts = DeskCorpus.documents(source.kind(), data.deskSeed(), data.desk());
            Iterator<Document> documents = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return texts.hasNext();
                }

                @Override
                public Document next() {
                    return new Document(language, texts.next());
                }
            };
            store = build(source, directory, key, documents, tokenizer, threads, target, holdout, null);
        }
        if (store.count() <= holdout) {
            throw new WorkbenchException(
                    "source " + source.name() + ": the generator stopped after " + store.count() + " documents");
        }
        int[] heldOut = IntStream.range(0, holdout).toArray();
        int[] training = IntStream.range(holdout, store.count()).toArray();
        return new PreparedSource(
                source,
                store,
                heldOut,
                new Selection(store, training, source.maxTokens()),
                source.maxTokens() == 0,
                reused);
    }

    /**
     * Tokenizes into a new cache entry: all documents, or (generated sources) the first
     * {@code skipFirst} plus enough for {@code tokenLimit} more tokens.
     */
    private static TokenStore build(
            SourceConfig source,
            Path directory,
            String key,
            Iterator<Document> documents,
            Tokenizer tokenizer,
            int threads,
            long tokenLimit,
            int skipFirst,
            FileDocuments reader) {
        long start = System.nanoTime();
        long[] chars = {0};
        try (TokenStoreWriter writer = new TokenStoreWriter(directory, source.name(), key, tokenizer.vocabSize())) {
            long[] counted = {0, 0}; // documents, tokens after the first skipFirst documents
            ParallelEncoder.encode(documents, tokenizer, threads, (document, ids) -> {
                writer.add(document.language(), ids);
                chars[0] += document.text().length();
                if (counted[0]++ >= skipFirst) counted[1] += ids.length;
                return counted[1] < tokenLimit;
            });
            TokenStore store =
                    writer.commit(reader == null ? 0 : reader.skipped(), reader == null ? null : reader.firstProblem());
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info(
                    "source {}: tokenized {} documents, {} tokens ({} chars) in {} s into {}",
                    source.name(),
                    store.count(),
                    store.totalTokens(),
                    chars[0],
                    String.format("%.1f", seconds),
                    directory);
            return store;
        }
    }

    /** {@code k} distinct indices below {@code n} (Floyd's algorithm), sorted. */
    static int[] sample(int n, int k, SplittableRandom random) {
        Set<Integer> chosen = new HashSet<>();
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static String directoryName(SourceConfig source, String key) {
        return source.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + key.substring(0, 16);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
