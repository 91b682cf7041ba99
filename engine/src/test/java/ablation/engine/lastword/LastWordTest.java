package ablation.engine.lastword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceKind;
import ablation.engine.data.DataPipeline;
import ablation.engine.data.HeldOutDocument;
import ablation.engine.desk.DeskCorpus;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.engine.train.Trainer;
import ablation.engine.train.TrainingJob;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last-word test: its items are sentence-final words the passage already named, against words
 * of other documents; its positive control, a small model trained briefly on desk prose, picks the
 * word clearly more often than the same model untrained, which is near chance.
 */
class LastWordTest {
    static final String RUN = """
            name: control
            model: {arch: causal, layers: 2, d_model: 128, heads: 4, rotary_dim: 16, context: 256}
            tokenizer: {train: {vocab_size: 1024, sample_mb: 1}, mask_tokens: 4}
            data:
              sources: [{name: english, kind: desk-nl}]
              cache_dir: %s
              holdout_docs: 60
            train: {tokens: 600000, batch: 8, lr: 3.0e-3, warmup: 10, min_lr: 3.0e-4, seed: 5, device: cpu, checkpoint_every: 100000}
            """;

    @TempDir
    static Path temp;

    @Test
    void itemsAreSentenceEndsWhoseWordThePassageNamedBeforeAgainstWordsOfOtherDocuments() {
        String text =
                "Mira walked to the harbor. The boat was old. \"Where is it,\" said Mira. The gull ate the boat!\n";
        List<String> others = List.of("Tom saw a fox. It ran far. The fox sang to Tom.", "Ada met Lin. Rain fell.");
        List<LastWordItem> items = LastWord.items(List.of(text, others.get(0), others.get(1)), 7);
        List<LastWordItem> first = items.stream().filter(i -> i.document() == 0).toList();
        assertEquals(
                List.of("Mira", "boat"),
                first.stream().map(LastWordItem::word).toList(),
                "harbor and old are named for the first time");
        assertEquals(
                "Mira walked to the harbor. The boat was old. \"Where is it,\" said",
                first.get(0).context());
        for (LastWordItem item : first) {
            assertEquals(
                    LastWord.DISTRACTORS, item.distractors().stream().distinct().count());
            for (String distractor : item.distractors()) {
                assertTrue(List.of("fox", "far", "Tom", "Lin", "fell").contains(distractor), distractor);
            }
        }
        assertEquals(
                List.of("Tom"),
                items.stream()
                        .filter(i -> i.document() == 1)
                        .map(LastWordItem::word)
                        .toList());
        assertEquals(items, LastWord.items(List.of(text, others.get(0), others.get(1)), 7), "seeded");
    }

    @Test
    void aModelTrainedOnDeskProseFindsTheLastWordFarMoreOftenThanTheSameModelUntrained() {
        RunConfig config = ConfigLoader.parse(RUN.formatted(temp.resolve("cache")));
        List<String> sample = new ArrayList<>();
        Iterator<String> documents = DeskCorpus.documents(
                SourceKind.DESK_NL, config.data().deskSeed(), config.data().desk());
        for (int i = 0; i < 1500; i++) sample.add(documents.next());
        try (BpeTokenizer tokenizer = Tokenizers.train(sample, 1024, 4);
                NDManager manager = NDManager.newBaseManager();
                CodeGenModel untrained = new CodeGenModel(config.model(), tokenizer.vocabSize(), manager, 5)) {
            List<String> prose = DataPipeline.prepare(
                            config, tokenizer, config.train().seed())
                    .heldOut()
                    .stream()
                    .map(HeldOutDocument::text)
                    .toList();
            List<LastWordItem> items = LastWord.items(prose, 11);
            assertTrue(items.size() >= 100, "held-out prose gives enough items: " + items.size());
            LastWordResult chance = LastWord.measure(untrained, tokenizer, items);
            assertEquals(items.size(), chance.items());
            assertTrue(
                    chance.documents() > prose.size() / 2 && chance.documents() <= prose.size(),
                    "documents with items: " + chance.documents() + " of " + prose.size());
            assertTrue(
                    chance.accuracy().low() < 1.0 / LastWord.CHOICES + 0.05
                            && chance.accuracy().value() < 0.35,
                    "untrained: near chance (0.2): " + chance.accuracy());
            try (Trainer trainer = Trainer.open(new TrainingJob(
                    config,
                    tokenizer.vocabSize(),
                    DataPipeline.open(config, tokenizer, config.train().seed()),
                    temp.resolve("run"),
                    null))) {
                trainer.train(MetricsSink.NONE, ProgressListener.NONE);
                LastWordResult trained = LastWord.measure(trainer.model(), tokenizer, items);
                assertTrue(
                        trained.accuracy().low() > chance.accuracy().high()
                                && trained.accuracy().value() >= 0.4,
                        "trained: " + trained.accuracy() + " against untrained " + chance.accuracy());
                assertEquals(trained, LastWord.measure(trainer.model(), tokenizer, items), "deterministic");
            }
        }
    }
}
