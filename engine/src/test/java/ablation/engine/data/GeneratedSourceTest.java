package ablation.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceKind;
import ablation.engine.desk.DeskCorpus;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourceTest {
    @TempDir
    Path dir;

    private final Tokenizer tokenizer = new ByteTokenizer(16);

    private RunConfig config(String sources) {
        return ConfigLoader.parse("""
                name: t
                model: {context: 64}
                train: {batch: 4, tokens: 13000}
                data: {holdout_docs: 5, desk_seed: 7, cache_dir: %s, sources: %s}
                """.formatted(dir.resolve("cache"), sources));
    }

    @Test
    void heldOutAreTheFirstDocumentsOfTheStreamAndTrainingFollows() {
        DataPipeline data = DataPipeline.prepare(config("[{name: pl, kind: desk-pl}]"), tokenizer, 1);
        Iterator<String> stream = DeskCorpus.documents(SourceKind.DESK_PL, 7);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 6; i++) first.add(stream.next());
        assertEquals(
                first.subList(0, 5),
                data.heldOut().stream().map(HeldOutDocument::text).toList());
        Documents training = data.sources().get(0).training();
        assertEquals(first.get(5), tokenizer.decode(training.tokens(0)));
        long budget = 13000 / (4 * 64) * 4 * 65; // every sequence could come from this source
        assertTrue(training.totalTokens() >= budget, training.totalTokens() + " < " + budget);
    }

    @Test
    void anEndlessSourceCountsNoEpochsACappedOneDoes() {
        DataPipeline data = DataPipeline.prepare(
                config("[{name: pl, kind: desk-pl}, {name: nl, kind: desk-nl, max_tokens: 500}]"), tokenizer, 1);
        MixtureStream stream = data.stream();
        for (int i = 0; i < 50; i++) stream.next();
        assertEquals(0.0, stream.epochs().get("pl"));
        assertTrue(stream.epochs().get("nl") > 2, stream.epochs().toString());
        assertEquals(500, data.sources().get(1).training().totalTokens());
    }

    @Test
    void theCorpusSampleIsCappedAndSharedByWeight() {
        RunConfig config = config("[{name: pl, kind: desk-pl, weight: 3}, {name: nl, kind: desk-nl, weight: 1}]");
        List<String> sample = new ArrayList<>();
        DataPipeline.corpusSample(config.data(), 40_000).forEach(sample::add);
        Iterator<String> pl = DeskCorpus.documents(SourceKind.DESK_PL, 7);
        for (int i = 0; i < 5; i++) pl.next();
        assertEquals(pl.next(), sample.get(0), "the held-out documents are skipped");
        Iterator<String> nl = DeskCorpus.documents(SourceKind.DESK_NL, 7);
        for (int i = 0; i < 5; i++) nl.next();
        String firstNl = nl.next();
        int split = sample.indexOf(firstNl);
        assertTrue(split > 0, "the desk-nl share follows the desk-pl share");
        assertEquals(30_000, bytes(sample.subList(0, split)), 30_000 / 20.0);
        assertTrue(bytes(sample.subList(0, split)) <= 30_000);
        assertEquals(10_000, bytes(sample.subList(split, sample.size())), 10_000 / 10.0);
        assertTrue(bytes(sample.subList(split, sample.size())) <= 10_000);
        assertEquals("ab", ablation.engine.tokenizer.CorpusSample.prefix("abc", 2));
        assertEquals("a", ablation.engine.tokenizer.CorpusSample.prefix("aé", 2), "never half a character");
    }

    private static long bytes(List<String> texts) {
        return texts.stream()
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }
}
