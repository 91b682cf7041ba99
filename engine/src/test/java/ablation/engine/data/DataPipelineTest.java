package ablation.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.metric.MetricKeys;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPipelineTest {
    @TempDir
    Path dir;

    private final Tokenizer tokenizer = new ByteTokenizer(16);
    private final int eot = tokenizer.specialId(Tokenizer.END_OF_TEXT);
    private Path code;

    @BeforeEach
    void writeCorpus() throws IOException {
        code = Files.createDirectories(dir.resolve("code"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(
                    code.resolve(String.format("m%02d.py", i)),
                    "def f" + i + "(x):\n    \"\"\"Doc " + i + " — naïve ünïcode 😀.\"\"\"\n    return x * " + i
                            + "\n");
        }
        Files.writeString(code.resolve("notes.bin"), "skipped: no language extension");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++)
            lines.append("{\"text\": \"Prose number ").append(i).append(". It rains in spring.\"}\n");
        Files.writeString(dir.resolve("prose.jsonl"), lines);
    }

    private RunConfig config(String extra) {
        return ConfigLoader.parse("""
                name: t
                model: {arch: prefix_lm, context: 64}
                train: {batch: 4, tokens: 26000}
                objective: {clm: 0.4, prefix_lm: 0.1, span_corruption: 0.25, fim: 0.25, fim_rate: 0.5,
                            span: {max_spans: 16}}
                data:
                  holdout_docs: 3
                  cache_dir: %s
                  sources:
                    - {name: py, kind: files, path: %s, weight: 3}
                    - {name: prose, kind: jsonl, path: %s, text_field: text, weight: 1}
                """.formatted(dir.resolve("cache"), code, dir.resolve("prose.jsonl")) + extra);
    }

    private static void assertSameBatch(Batch a, Batch b) {
        assertArrayEquals(a.inputs(), b.inputs());
        assertArrayEquals(a.targets(), b.targets());
        assertArrayEquals(a.lossWeights(), b.lossWeights());
        assertArrayEquals(a.prefixLengths(), b.prefixLengths());
    }

    @Test
    void sameSeedSameBatchesAndRestoreContinuesExactly() {
        RunConfig config = config("");
        int n = 25;
        List<Batch> straight = new ArrayList<>();
        Map<String, Double> straightMetrics;
        try (MixtureStream stream = DataPipeline.open(config, tokenizer, 1)) {
            for (int i = 0; i < 2 * n; i++) straight.add(stream.next());
            straightMetrics = stream.metrics();
        }
        String state;
        try (MixtureStream first = DataPipeline.open(config, tokenizer, 1)) {
            for (int i = 0; i < n; i++) assertSameBatch(straight.get(i), first.next());
            state = first.state();
        }
        try (MixtureStream resumed = DataPipeline.open(config, tokenizer, 1)) {
            resumed.restore(state);
            for (int i = n; i < 2 * n; i++) assertSameBatch(straight.get(i), resumed.next());
            assertEquals(2L * n * 4, resumed.sequences());
            assertEquals(straightMetrics, resumed.metrics(), "objective fractions and realised rates survive a resume");
        }
        Batch otherSeed = DataPipeline.open(config, tokenizer, 2).next();
        assertFalse(Arrays.equals(straight.get(0).inputs(), otherSeed.inputs()), "another seed gives other batches");
    }

    @Test
    void batchesHaveTheConfiguredShapeAndTheMixtureIsReported() {
        MixtureStream stream = DataPipeline.open(config(""), tokenizer, 1);
        Batch batch = stream.next();
        assertEquals(4, batch.batchSize());
        assertEquals(64, batch.length());
        for (int i = 0; i < 300; i++) stream.next();
        assertEquals(0.4, stream.objectiveFractions().get("clm"), 0.1);
        assertEquals(0.25, stream.objectiveFractions().get("fim"), 0.1);
        assertTrue(stream.epochs().get("py") > 1, "several epochs over a small source: " + stream.epochs());
        assertTrue(stream.metrics().containsKey("data/epochs/prose"));
        assertTrue(stream.metrics().containsKey("data/objective/span_corruption"));
        double maskRatio = stream.metrics().get(MetricKeys.MASK_RATIO);
        assertTrue(maskRatio > 0.05 && maskRatio < 0.3, "realised mask ratio within the default range: " + maskRatio);
        double fimRate = stream.metrics().get(MetricKeys.FIM_RATE);
        assertTrue(fimRate > 0.2 && fimRate <= 0.5, "realised FIM rate at most fim_rate 0.5: " + fimRate);
    }

    @Test
    void secondRunReusesTheCacheAndChangedDataIsTokenizedAgain() throws IOException {
        RunConfig config = config("");
        DataPipeline first = DataPipeline.prepare(config, tokenizer, 1);
        assertTrue(
                first.describe().get(0).contains("cache written"),
                first.describe().get(0));
        DataPipeline second = DataPipeline.prepare(config, tokenizer, 1);
        assertTrue(
                second.describe().stream().allMatch(line -> line.contains("cache reused")),
                second.describe().toString());
        Files.writeString(code.resolve("m00.py"), "def changed():\n    pass\n");
        DataPipeline third = DataPipeline.prepare(config, tokenizer, 1);
        assertTrue(third.describe().get(0).contains("cache written"));
        assertTrue(third.describe().get(1).contains("cache reused"), "the unchanged source is still cached");
        assertTrue(
                third.describe().get(0).contains("30 documents"),
                "the .bin file is no document: " + third.describe().get(0));
    }

    @Test
    void anInterruptedTokenizationLeavesNothingInTheCache() throws IOException {
        Tokenizer failing = new FailingTokenizer(tokenizer, 12);
        assertThrows(IllegalStateException.class, () -> DataPipeline.prepare(config(""), failing, 1));
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), entries.toList(), "no entry and no temporary directory is left");
        }
        DataPipeline.prepare(config(""), tokenizer, 1); // and a later run builds it normally
    }

    @Test
    void aWriterKilledMidWayIsCleanedUpByTheNextOne() throws IOException {
        DataPipeline data = DataPipeline.prepare(config(""), tokenizer, 1);
        Path entry = data.sources().get(0).store().directory();
        Path killed = Files.createDirectories(entry.resolveSibling(entry.getFileName() + ".tmp-999999999-1"));
        Files.writeString(killed.resolve("shard-00000.tokens"), "partial");
        deleteTree(entry);
        DataPipeline.prepare(config(""), tokenizer, 1);
        assertFalse(Files.exists(killed), "a dead writer's temporary directory is removed");
        assertTrue(Files.exists(entry.resolve("manifest.json")));
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void maxTokensFixesTheEpochsAFixedBudgetMeans() {
        RunConfig config = ConfigLoader.parse("""
                name: t
                model: {context: 64}
                train: {batch: 4, tokens: 26000}
                data:
                  holdout_docs: 2
                  cache_dir: %s
                  sources: [{name: py, kind: files, path: %s, max_tokens: 1000}]
                """.formatted(dir.resolve("cache"), code));
        DataPipeline data = DataPipeline.prepare(config, tokenizer, 1);
        MixtureStream stream = data.stream();
        int batches = 20;
        for (int i = 0; i < batches; i++) stream.next();
        Documents training = data.sources().get(0).training();
        assertEquals(1000, training.totalTokens(), "the cap is exact");
        double expected = batches * 4 * 65.0 / (1000 + training.count());
        assertEquals(expected, stream.epochs().get("py"), 1e-9);
    }

    @Test
    void sequencesAreDrawnFromSourcesInProportionToTheirWeights() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        for (int i = 0; i < 10; i++) {
            Files.writeString(a.resolve(i + ".txt"), "a".repeat(20 + i));
            Files.writeString(b.resolve(i + ".txt"), "b".repeat(20 + i));
        }
        RunConfig config = ConfigLoader.parse("""
                name: t
                model: {context: 32}
                train: {batch: 8}
                data:
                  holdout_docs: 1
                  cache_dir: %s
                  sources: [{name: a, kind: files, path: %s, weight: 3}, {name: b, kind: files, path: %s, weight: 1}]
                """.formatted(dir.resolve("cache"), a, b));
        MixtureStream stream = DataPipeline.open(config, tokenizer, 4);
        int fromA = 0;
        int rows = 0;
        for (int i = 0; i < 250; i++) {
            Batch batch = stream.next();
            for (int r = 0; r < 8; r++, rows++) {
                Set<Integer> letters = new HashSet<>();
                for (int t = 0; t < 32; t++)
                    if (batch.inputs()[r * 32 + t] != eot) letters.add(batch.inputs()[r * 32 + t]);
                assertEquals(1, letters.size(), "a sequence comes from one source");
                if (letters.contains((int) 'a')) fromA++;
            }
        }
        assertEquals(0.75, (double) fromA / rows, 4 * Math.sqrt(0.75 * 0.25 / rows));
    }

    @Test
    void heldOutDocumentsNeverTrainAndFollowTheSeed() {
        RunConfig config = config("");
        DataPipeline data = DataPipeline.prepare(config, tokenizer, 1);
        List<HeldOutDocument> heldOut = data.heldOut();
        assertEquals(6, heldOut.size(), "3 per source");
        assertEquals(3, heldOut.stream().filter(d -> d.source().equals("py")).count());
        for (PreparedSource source : data.sources()) {
            Set<String> training = new HashSet<>();
            for (int i = 0; i < source.training().count(); i++)
                training.add(tokenizer.decode(source.training().tokens(i)));
            for (HeldOutDocument document : heldOut)
                assertFalse(training.contains(document.text()), "held out and trained: " + document);
            assertEquals(source.store().count(), training.size() + 3);
        }
        assertEquals(
                heldOut, DataPipeline.prepare(config, tokenizer, 1).heldOut(), "same seed, same held-out documents");
        assertNotEquals(heldOut, DataPipeline.prepare(config, tokenizer, 99).heldOut());
    }

    @Test
    void documentsArePackedWithSeparatorsBetweenThem() {
        RunConfig config = ConfigLoader.parse("""
                name: t
                model: {context: 256}
                train: {batch: 1}
                data: {holdout_docs: 0, cache_dir: %s, sources: [{name: py, kind: files, path: %s}]}
                """.formatted(dir.resolve("cache"), code));
        DataPipeline data = DataPipeline.prepare(config, tokenizer, 1);
        Set<String> documents = new HashSet<>();
        Documents training = data.sources().get(0).training();
        for (int i = 0; i < training.count(); i++) documents.add(tokenizer.decode(training.tokens(i)));
        MixtureStream stream = data.stream();
        IntStream.Builder tokens = IntStream.builder();
        for (int i = 0; i < 40; i++) { // a sequence is the inputs and the last target
            Batch batch = stream.next();
            IntStream.of(batch.inputs()).forEach(tokens::add);
            tokens.add(batch.targets()[255]);
        }
        String[] parts = tokenizer.decode(tokens.build().toArray()).split("<\\|endoftext\\|>", -1);
        for (int i = 1; i < parts.length - 1; i++)
            assertTrue(documents.contains(parts[i]), "not a whole document: " + parts[i]);
        assertTrue(parts.length > 30);
    }
}
