package ablation.engine.data;

import ablation.core.config.DataConfig;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceKind;
import ablation.engine.desk.DeskCorpus;
import ablation.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data side's speed figures ({@code workbench bench data}): tokenization throughput into the
 * cache, and the time to assemble one training step's batches for the desk-small run.
 */
public final class DataBench {
    /** The desk-small run: the default model and budget, desk-pl with the CodeGen2 objective recipe. */
    public static final String DESK_SMALL = """
            name: desk-small
            objective: {clm: 0.5, span_corruption: 0.5}
            data: {sources: [{name: python, kind: desk-pl}]}
            """;

    private DataBench() {}

    /** Result of the tokenization measurement. */
    public record Tokenization(double megabytes, double seconds, long tokens, int threads) {
        public double megabytesPerSecond() {
            return megabytes / seconds;
        }
    }

    /**
     * Tokenizes {@code megabytes} of desk documents (generated beforehand, not timed) into a cache
     * entry in a temporary directory, on {@code threads} threads.
     */
    public static Tokenization tokenize(Tokenizer tokenizer, double megabytes, int threads) {
        List<Document> documents = new ArrayList<>();
        long bytes = 0;
        for (SourceKind kind : new SourceKind[] {SourceKind.DESK_PL, SourceKind.DESK_NL}) {
            Iterator<String> texts = DeskCorpus.documents(kind, 2023);
            long half = bytes + (long) (megabytes * 5e5);
            while (bytes < half) {
                String text = texts.next();
                documents.add(new Document("text", text));
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        Path directory = temporaryDirectory();
        try {
            long start = System.nanoTime();
            long[] tokens = {0};
            try (TokenStoreWriter writer =
                    new TokenStoreWriter(directory.resolve("bench"), "bench", "bench", tokenizer.vocabSize())) {
                ParallelEncoder.encode(documents.iterator(), tokenizer, threads, (document, ids) -> {
                    writer.add(document.language(), ids);
                    tokens[0] += ids.length;
                    return true;
                });
                writer.commit(0, null);
            }
            return new Tokenization(bytes / 1e6, (System.nanoTime() - start) / 1e9, tokens[0], threads);
        } finally {
            deleteTree(directory);
        }
    }

    /** Seconds to assemble the micro-batches of one optimizer step of {@code config} (after a warm-up). */
    public static double secondsPerStep(RunConfig config, Tokenizer tokenizer, int steps) {
        Path directory = temporaryDirectory();
        try {
            DataConfig data = config.data();
            RunConfig cached = new RunConfig(
                    config.name(),
                    config.model(),
                    config.tokenizer(),
                    new DataConfig(
                            data.sources(), data.holdoutDocs(), directory.toString(), data.deskSeed(), data.desk()),
                    config.objective(),
                    config.train(),
                    config.eval());
            return time(cached, tokenizer, steps);
        } finally {
            deleteTree(directory);
        }
    }

    private static double time(RunConfig config, Tokenizer tokenizer, int steps) {
        MixtureStream stream =
                DataPipeline.open(config, tokenizer, config.train().seed());
        int perStep = config.train().accumulationSteps();
        for (int i = 0; i < Math.max(5, steps / 10) * perStep; i++) stream.next();
        long start = System.nanoTime();
        for (int i = 0; i < steps * perStep; i++) stream.next();
        return (System.nanoTime() - start) / 1e9 / steps;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("workbench-bench-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
