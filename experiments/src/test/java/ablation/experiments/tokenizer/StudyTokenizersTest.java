package ablation.experiments.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SpecLoader;
import ablation.engine.data.DataPipeline;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.TrackingStore;
import ablation.storage.artifact.Artifact;
import ablation.storage.artifact.Artifacts;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTokenizersTest {
    /** Lesson 4 in small: a PL-only and an NL-only arm, which used to train two different tokenizers. */
    private static final String STUDY = """
            name: mix
            base:
              tokenizer: {train: {vocab_size: 600, sample_mb: 0.05}, mask_tokens: 8}
              data: {sources: [{name: python, kind: desk-pl}, {name: english, kind: desk-nl}], cache_dir: CACHE}
              train: {tokens: 10000}
            axes:
              - path: data.sources
                name: mix
                labels: [pl, nl]
                values: [[{weight: 1.0}, {weight: 0.0}], [{weight: 0.0}, {weight: 1.0}]]
            """;

    @TempDir
    Path dir;

    private static List<RunSpec> runs(String yaml) {
        return GridExpander.expand(SpecLoader.parse(yaml), false);
    }

    private String study() {
        return STUDY.replace("CACHE", dir.resolve("cache").toString());
    }

    @Test
    void runsWithDifferentSourceWeightsShareOneTokenizerTrainedOnBothSources() throws Exception {
        List<RunSpec> runs = GridExpander.expand(SpecLoader.parse(study()), false);
        StudyTokenizers.Plan plan = StudyTokenizers.plan(runs, dir.resolve("study"));

        assertEquals(1, plan.tokenizers().size());
        Path file = plan.tokenizers().get(0).file();
        assertEquals(dir.resolve("study").resolve("tokenizers"), file.getParent());
        assertEquals(
                List.of("python", "english"),
                plan.tokenizers().get(0).union().sources().stream()
                        .map(s -> s.name())
                        .toList());
        for (int i = 0; i < runs.size(); i++) {
            RunConfig pinned = plan.runs().get(i).config();
            assertEquals(file.toString(), pinned.tokenizer().path(), "the run's config points at the study tokenizer");
            assertNull(pinned.tokenizer().train());
            assertEquals(runs.get(i).configHash(), plan.runs().get(i).configHash(), "the config hash is the spec's");
            assertEquals(runs.get(i).cellKey(), plan.runs().get(i).cellKey());
            assertEquals(runs.get(i).config().data(), pinned.data(), "only the tokenizer is pinned");
        }

        plan.train();
        try (BpeTokenizer shared = Tokenizers.load(file);
                BpeTokenizer plOnly = Tokenizers.forConfig(
                        runs.get(0).config().tokenizer(),
                        () -> StreamSupport.stream(
                                DataPipeline.corpusSample(runs.get(0).config().data(), 50_000)
                                        .spliterator(),
                                false),
                        dir.resolve("own"))) {
            String prose = "The weather was mild and the committee agreed to meet again in spring.";
            assertTrue(
                    shared.encode(prose).length < plOnly.encode(prose).length,
                    "English merges come from the NL source: " + shared.encode(prose).length + " vs "
                            + plOnly.encode(prose).length);
            assertNotEquals(shared.sha256(), plOnly.sha256());
        }
    }

    @Test
    void theStoreRecordsTheTokenizerAndARestartReusesItWithoutNewRunsOrRows() throws Exception {
        String yaml = study();
        try (TrackingStore store = TrackingStore.open("jdbc:h2:mem:tok-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            StudyTokenizers.Plan plan = StudyTokenizers.plan(runs(yaml), dir.resolve("study"));
            plan.train();
            Study study = StudyQueue.enqueue(store, "mix", ConfigLoader.readTree(yaml), plan.runs());
            plan.record(store, study);
            Path file = plan.tokenizers().get(0).file();
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));

            StudyTokenizers.Plan again = StudyTokenizers.plan(runs(yaml), dir.resolve("study"));
            again.train();
            StudyQueue.enqueue(store, "mix", ConfigLoader.readTree(yaml), again.runs());
            again.record(store, study);

            assertEquals(FileTime.fromMillis(1_000_000), Files.getLastModifiedTime(file), "trained once, reused later");
            List<Run> stored = store.runs().list(study.id());
            assertEquals(2, stored.size());
            for (Run run : stored) {
                assertEquals(
                        file.toString(),
                        ConfigLoader.parse(run.configJson()).tokenizer().path());
            }
            List<Artifact> artifacts = store.artifacts().ofStudy(study.id());
            assertEquals(3, artifacts.size(), "one study row and one per run: " + artifacts);
            for (Artifact artifact : artifacts) {
                assertEquals(StudyTokenizers.ARTIFACT, artifact.kind());
                assertEquals(file.toString(), artifact.path());
                assertTrue(Artifacts.isIntact(artifact), "path and checksum of the file the run uses");
            }
            assertEquals(1, artifacts.stream().filter(a -> a.runId() == null).count());
        }
    }

    @Test
    void aRunThatPinsItsTokenizerKeepsIt() throws Exception {
        List<RunSpec> trained = GridExpander.expand(SpecLoader.parse(study()), false);
        StudyTokenizers.Plan first = StudyTokenizers.plan(trained, dir.resolve("first"));
        first.train();
        String pinnedYaml = study().replace(
                        "tokenizer: {train: {vocab_size: 600, sample_mb: 0.05}, mask_tokens: 8}",
                        "tokenizer: {path: " + first.tokenizers().get(0).file() + ", mask_tokens: 8}");
        List<RunSpec> runs = GridExpander.expand(SpecLoader.parse(pinnedYaml), false);
        StudyTokenizers.Plan plan = StudyTokenizers.plan(runs, dir.resolve("second"));
        assertEquals(List.of(), plan.tokenizers());
        assertEquals(runs, plan.runs());
    }
}
