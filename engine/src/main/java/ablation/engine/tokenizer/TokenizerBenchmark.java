package ablation.engine.tokenizer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code workbench bench tokenizer}: trains byte-level BPE on a real corpus found on this machine (the
 * Python sources under {@code /usr/lib/python3*}, else generated code) and times training and encoding.
 */
public final class TokenizerBenchmark {
    private TokenizerBenchmark() {}

    /** Text encoded for the throughput figures: enough for a stable rate, short enough for a quick bench. */
    private static final long ENCODE_BYTES = 5_000_000;

    /**
     * @param corpus where the text came from
     * @param trainMb megabytes (10^6 bytes) of UTF-8 trained on
     * @param trainS seconds to count words, learn merges and build the tokenizer
     * @param encodeMbPerS encoding rate of one thread, documents one by one
     * @param encodeMbPerSAllCores the same with one thread per core
     * @param bytesPerToken compression on the encoded text
     * @param loadAverage the machine's load average when the bench started (other work skews the figures)
     */
    public record Result(
            String corpus,
            double trainMb,
            double trainS,
            int vocabSize,
            double encodeMbPerS,
            double encodeMbPerSAllCores,
            double bytesPerToken,
            int cores,
            double loadAverage) {}

    public static Result run(double mb, int vocabSize, int maskTokens) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long maxBytes = (long) (mb * 1e6);
        List<String> documents = pythonSources(maxBytes);
        String corpus = "python sources under /usr/lib/python3*";
        if (documents.isEmpty()) {
            documents = SyntheticCode.generate(1, Integer.MAX_VALUE, maxBytes);
            corpus = "generated python-like code";
        }
        CorpusSample sample = CorpusSample.take(documents.iterator(), maxBytes);

        long start = System.nanoTime();
        try (BpeTokenizer tokenizer = Tokenizers.train(sample.documents(), vocabSize, maskTokens)) {
            double trainS = (System.nanoTime() - start) / 1e9;
            List<String> encoded = CorpusSample.take(sample.documents().iterator(), ENCODE_BYTES)
                    .documents();
            long bytes = encoded.stream()
                    .mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length)
                    .sum();
            tokenizer.encode(encoded.get(0)); // warm up
            long t0 = System.nanoTime();
            long tokens = 0;
            for (String doc : encoded) tokens += tokenizer.encode(doc).length;
            double oneThread = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);

            int cores = Runtime.getRuntime().availableProcessors();
            AtomicLong next = new AtomicLong();
            long t1 = System.nanoTime();
            IntStream.range(0, cores).parallel().forEach(c -> {
                for (long i = next.getAndIncrement(); i < encoded.size(); i = next.getAndIncrement())
                    tokenizer.encode(encoded.get((int) i));
            });
            double allCores = bytes / 1e6 / ((System.nanoTime() - t1) / 1e9);
            return new Result(
                    corpus,
                    sample.bytes() / 1e6,
                    trainS,
                    tokenizer.vocabSize(),
                    oneThread,
                    allCores,
                    (double) bytes / tokens,
                    cores,
                    load);
        }
    }

    /** The .py files under /usr/lib/python3* in path order, until {@code maxBytes}; files that are not UTF-8 are skipped. */
    static List<String> pythonSources(long maxBytes) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> roots = Files.newDirectoryStream(Path.of("/usr/lib"), "python3*")) {
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
                            .forEach(files::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        files.sort(null);
        List<String> documents = new ArrayList<>();
        long total = 0;
        for (Path file : files) {
            if (total >= maxBytes) break;
            try {
                String text = Files.readString(file);
                documents.add(text);
                total += text.getBytes(StandardCharsets.UTF_8).length;
            } catch (CharacterCodingException e) {
                // not UTF-8: skip
            } catch (IOException e) {
                // unreadable: skip
            }
        }
        return documents;
    }
}
