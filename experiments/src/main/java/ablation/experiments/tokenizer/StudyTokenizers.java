package ablation.experiments.tokenizer;

import ablation.core.config.ConfigLoader;
import ablation.core.config.DataConfig;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceConfig;
import ablation.core.config.TokenizerConfig;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.engine.data.DataPipeline;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.storage.TrackingStore;
import ablation.storage.artifact.Artifact;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tokenizer per study: the runs of a study that would each train their own tokenizer share
 * one, trained once before the runs on the union of the sources any of them uses (each source an
 * equal share of {@code sample_mb}). Arms that weight the sources differently (lesson 4's PL, NL
 * and mix) then differ in their data, not in their vocabularies.
 *
 * <p>Runs share a tokenizer when their tokenizer settings and generated-data settings (desk suite,
 * seed, held-out count) agree; a study whose axes change those gets one tokenizer per combination.
 * A run that pins {@code tokenizer.path} keeps its file. The shared file lives in the study
 * directory ({@code tokenizers/tokenizer-<key>.json}, the key a hash of what it is trained on, so
 * a restarted study finds it), and each run's effective config points at it through
 * {@code tokenizer.path}: local and Slurm workers load it like any pinned tokenizer. The run keeps
 * the config hash and cell key of its config as the study file expands it, so a restart matches
 * the runs already queued and the reports match runs to their arms.
 *
 * <pre>{@code
 * StudyTokenizers.Plan tokenizers = StudyTokenizers.plan(runs, layout.root());
 * tokenizers.train();
 * Study study = StudyQueue.enqueue(store, name, spec, tokenizers.runs());
 * tokenizers.record(store, study);
 * }</pre>
 */
public final class StudyTokenizers {
    /** Artifact kind of a shared tokenizer: a study-level row, and one per run that uses it (path and checksum). */
    public static final String ARTIFACT = "tokenizer";

    private static final Logger LOG = LoggerFactory.getLogger(StudyTokenizers.class);

    private StudyTokenizers() {}

    /**
     * A tokenizer shared by several runs.
     *
     * @param file where it is (or will be) written
     * @param settings the runs' tokenizer settings (vocabulary, sample size, mask tokens)
     * @param union the data it is trained on: every source any of its runs uses, at equal weight
     */
    public record Shared(Path file, TokenizerConfig settings, DataConfig union) {}

    /**
     * The study's runs with their tokenizers pinned, and the tokenizers to train.
     *
     * @param runs the runs as they are queued: effective configs with {@code tokenizer.path} set
     */
    public record Plan(List<RunSpec> runs, List<Shared> tokenizers) {
        public Plan {
            runs = List.copyOf(runs);
            tokenizers = List.copyOf(tokenizers);
        }

        /** Trains every shared tokenizer not on disk yet; one already there (a restart) is kept. */
        public void train() {
            for (Shared shared : tokenizers) {
                if (Files.isRegularFile(shared.file())) {
                    LOG.info("study tokenizer: reusing {}", shared.file());
                    continue;
                }
                long sampleBytes = (long) (shared.settings().train().sampleMb() * 1e6);
                LOG.info(
                        "study tokenizer: training on {} ({} MB sample)",
                        shared.union().sources().stream()
                                .map(SourceConfig::name)
                                .toList(),
                        shared.settings().train().sampleMb());
                try (BpeTokenizer ignored = Tokenizers.trainTo(
                        shared.settings(),
                        () -> StreamSupport.stream(
                                DataPipeline.corpusSample(shared.union(), sampleBytes)
                                        .spliterator(),
                                false),
                        shared.file())) {
                    LOG.info("study tokenizer: {}", shared.file());
                }
            }
        }

        /**
         * Records each shared tokenizer as a study artifact and, for every run of the study whose
         * config points at one, a run artifact (path, size, SHA-256): what the run was trained with.
         * Idempotent: a restart adds nothing already recorded.
         */
        public void record(TrackingStore store, Study study) {
            if (tokenizers.isEmpty()) return;
            Set<String> files = new LinkedHashSet<>();
            for (Shared shared : tokenizers)
                files.add(shared.file().toAbsolutePath().normalize().toString());
            Set<String> recorded = new LinkedHashSet<>();
            for (Artifact artifact : store.artifacts().ofStudy(study.id())) {
                if (artifact.kind().equals(ARTIFACT)) recorded.add(artifact.runId() + " " + artifact.path());
            }
            for (String file : files) {
                if (!recorded.contains("null " + file)) {
                    store.artifacts().record(study.id(), null, ARTIFACT, Path.of(file), null);
                }
            }
            for (Run run : store.runs().list(study.id())) {
                String path = tokenizerPath(run.configJson());
                if (path != null && files.contains(path) && !recorded.contains(run.id() + " " + path)) {
                    store.artifacts().record(study.id(), run.id(), ARTIFACT, Path.of(path), null);
                }
            }
        }
    }

    /** Groups the runs that train their tokenizer, and pins each to its group's file under {@code studyRoot}. */
    public static Plan plan(List<RunSpec> runs, Path studyRoot) {
        Map<String, List<RunSpec>> groups = new LinkedHashMap<>();
        for (RunSpec run : runs) {
            if (run.config().tokenizer().train() == null) continue;
            groups.computeIfAbsent(groupKey(run.config()), k -> new ArrayList<>())
                    .add(run);
        }
        Map<RunSpec, Path> pinned = new LinkedHashMap<>();
        List<Shared> tokenizers = new ArrayList<>();
        for (List<RunSpec> group : groups.values()) {
            RunConfig first = group.get(0).config();
            DataConfig union = union(first.data(), group);
            String key = GridExpander.sha256(groupKey(first) + " sources=" + canonical(union.sources()));
            Path file = studyRoot
                    .resolve("tokenizers")
                    .resolve("tokenizer-" + key.substring(0, 16) + ".json")
                    .toAbsolutePath()
                    .normalize();
            tokenizers.add(new Shared(file, first.tokenizer(), union));
            for (RunSpec run : group) pinned.put(run, file);
        }
        List<RunSpec> result = new ArrayList<>();
        for (RunSpec run : runs) {
            Path file = pinned.get(run);
            result.add(file == null ? run : pin(run, file));
        }
        return new Plan(result, tokenizers);
    }

    /** The run with {@code tokenizer.path} set to {@code file}: same name, grid position, hashes and compute. */
    private static RunSpec pin(RunSpec run, Path file) {
        RunConfig c = run.config();
        TokenizerConfig tokenizer =
                new TokenizerConfig(file.toString(), null, c.tokenizer().maskTokens());
        RunConfig config = new RunConfig(c.name(), c.model(), tokenizer, c.data(), c.objective(), c.train(), c.eval());
        return new RunSpec(
                run.name(),
                config,
                run.axisLabels(),
                run.lessons(),
                run.configHash(),
                run.cellKey(),
                run.vocabSize(),
                run.parameters(),
                run.trainingFlops());
    }

    /** What a shared tokenizer depends on besides the sources: its settings and how generated data is made. */
    private static String groupKey(RunConfig config) {
        DataConfig data = config.data();
        return canonical(config.tokenizer()) + " holdout_docs=" + data.holdoutDocs() + " desk_seed=" + data.deskSeed()
                + " desk=" + canonical(data.desk());
    }

    /** Every source with a positive weight in some run of the group, once, at weight 1 and uncapped. */
    private static DataConfig union(DataConfig data, List<RunSpec> group) {
        Map<String, SourceConfig> sources = new LinkedHashMap<>(); // by what is read, whatever the name
        Set<String> names = new LinkedHashSet<>();
        for (RunSpec run : group) {
            for (SourceConfig s : run.config().data().sources()) {
                String read = s.kind() + " " + s.path() + " " + s.textField() + " " + s.onBadRecord();
                if (s.weight() <= 0 || sources.containsKey(read)) continue;
                String name = s.name();
                for (int n = 2; !names.add(name); n++) name = s.name() + "-" + n; // another source under a used name
                sources.put(read, new SourceConfig(name, s.kind(), s.path(), 1.0, 0, s.textField(), s.onBadRecord()));
            }
        }
        return new DataConfig(
                List.copyOf(sources.values()), data.holdoutDocs(), data.cacheDir(), data.deskSeed(), data.desk());
    }

    private static String tokenizerPath(String configJson) {
        try {
            String path = ConfigLoader.JSON
                    .readTree(configJson)
                    .path("tokenizer")
                    .path("path")
                    .asText(null);
            return path == null
                    ? null
                    : Path.of(path).toAbsolutePath().normalize().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String canonical(Object value) {
        JsonNode tree = ConfigLoader.JSON.valueToTree(value);
        return tree.toString();
    }
}
