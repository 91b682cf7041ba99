package ablation.engine.data;

import ablation.core.config.DataConfig;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceConfig;
import ablation.engine.desk.DeskCorpus;
import ablation.engine.objective.ObjectiveMix;
import ablation.engine.tokenizer.CorpusSample;
import ablation.engine.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The data side of a run: sources tokenized into the cache, held-out documents set aside, and a
 * deterministic stream of micro-batches (source mixture x objective mixture).
 *
 * <pre>
 *   DataPipeline data = DataPipeline.prepare(config, tokenizer, config.train().seed());
 *   MixtureStream batches = data.stream();      // (train.micro_batch, model.context) batches
 *   List&lt;HeldOutDocument&gt; unseen = data.heldOut();
 * </pre>
 */
public final class DataPipeline {
    private final RunConfig config;
    private final Tokenizer tokenizer;
    private final long seed;
    private final List<PreparedSource> sources;

    private DataPipeline(RunConfig config, Tokenizer tokenizer, long seed, List<PreparedSource> sources) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.seed = seed;
        this.sources = sources;
    }

    /** Tokenizes every source into the cache (or finds it there) and picks held-out documents. */
    public static DataPipeline prepare(RunConfig config, Tokenizer tokenizer, long seed) {
        // Every sequence could come from one source: an endless source gets the whole budget.
        long budget = config.train().steps(config.model().context())
                * config.train().batch()
                * (config.model().context() + 1L);
        List<PreparedSource> prepared = new ArrayList<>();
        for (SourceConfig source : config.data().sources()) {
            prepared.add(SourceCache.prepare(
                    source,
                    config.data(),
                    tokenizer,
                    seed,
                    source.weight() > 0 ? budget : 1,
                    ParallelEncoder.defaultThreads()));
        }
        return new DataPipeline(config, tokenizer, seed, prepared);
    }

    /** {@code prepare(config, tokenizer, seed).stream()}: the batches the trainer consumes. */
    public static MixtureStream open(RunConfig config, Tokenizer tokenizer, long seed) {
        return prepare(config, tokenizer, seed).stream();
    }

    /** A new stream at the start: micro-batches of {@code train.micro_batch} sequences of {@code model.context} tokens. */
    public MixtureStream stream() {
        return new MixtureStream(
                sources,
                new ObjectiveMix(config.objective(), tokenizer),
                tokenizer.specialId(Tokenizer.END_OF_TEXT),
                seed,
                config.train().microBatch(),
                config.model().context());
    }

    /** The held-out documents of every source (decoded from the cache), for bits-per-byte evaluation. */
    public List<HeldOutDocument> heldOut() {
        List<HeldOutDocument> documents = new ArrayList<>();
        for (PreparedSource source : sources) {
            for (int id : source.heldOut())
                documents.add(new HeldOutDocument(
                        source.name(), tokenizer.decode(source.store().tokens(id))));
        }
        return documents;
    }

    List<PreparedSource> sources() {
        return sources;
    }

    /** One line per source: documents, training tokens, held-out documents, skipped records, cache use. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (PreparedSource source : sources) {
            Manifest manifest = source.store().manifest();
            lines.add(String.format(
                    "%s (%s, weight %s): %d documents, %d training tokens%s, %d held out%s, cache %s %s",
                    source.name(),
                    source.config().kind(),
                    source.config().weight(),
                    manifest.documents(),
                    source.training().totalTokens(),
                    source.endless() ? " (endless)" : "",
                    source.heldOut().length,
                    manifest.skipped() > 0
                            ? ", " + manifest.skipped() + " bad records skipped (first: " + manifest.firstProblem()
                                    + ")"
                            : "",
                    source.reused() ? "reused" : "written",
                    source.store().directory()));
        }
        return lines;
    }

    /**
     * Training text for learning a tokenizer before the pipeline exists: documents of each source
     * with a positive weight, up to its weight's share of {@code maxBytes} (UTF-8), read lazily.
     * Generated sources skip their held-out documents; file sources cannot know theirs yet (they
     * depend on the document count), so a few held-out documents may be in the sample.
     */
    public static Iterable<String> corpusSample(DataConfig data, long maxBytes) {
        double total = data.sources().stream().mapToDouble(SourceConfig::weight).sum();
        return () -> new Iterator<>() {
            private final Iterator<SourceConfig> remaining =
                    data.sources().stream().filter(s -> s.weight() > 0).iterator();
            private Iterator<String> texts = Collections.emptyIterator();
            private long budget;

            @Override
            public boolean hasNext() {
                while (budget <= 0 || !texts.hasNext()) {
                    if (!remaining.hasNext()) return false;
                    SourceConfig source = remaining.next();
                    budget = (long) (maxBytes * source.weight() / total);
                    texts = texts(source, data);
                }
                return true;
            }

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                String text = CorpusSample.prefix(texts.next(), budget);
                budget -= text.getBytes(StandardCharsets.UTF_8).length;
                return text;
            }
        };
    }

    private static Iterator<String> texts(SourceConfig source, DataConfig data) {
        if (source.isGenerated()) {
            Iterator<String> stream = DeskCorpus.documents(source.kind(), data.deskSeed(), data.desk());
            for (int i = 0; i < data.holdoutDocs() && stream.hasNext(); i++) stream.next();
            return stream;
        }
        Iterator<Document> documents = new FileDocuments(source, SourceFiles.list(source));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public String next() {
                return documents.next().text();
            }
        };
    }
}
