package ablation.reports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.EvalMode;
import ablation.core.config.RunConfig;
import ablation.core.config.TokenizerConfig;
import ablation.core.metric.MetricKeys;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SpecLoader;
import ablation.core.stats.ProblemCount;
import ablation.reports.lessons.LessonAnalysis;
import ablation.reports.lessons.LessonAnalyzer;
import ablation.reports.lessons.Outcome;
import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.Lesson;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.LossPoint;
import ablation.reports.model.PromptCheck;
import ablation.reports.model.RunResult;
import ablation.reports.model.RunStatus;
import ablation.reports.model.StudyResults;
import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.NewRun;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StudyResultsLoaderTest {
    static final int[] GOOD = {4, 3, 2, 1, 0};
    static final int[] POOR = {1, 0, 0, 0, 0};

    static StoreFixture fixture;

    /** One store for the tests that only read: filling it is most of their time. */
    @BeforeAll
    static void fill() throws Exception {
        fixture = StoreFixture.queued(StoreFixture.SPEC);
        for (String cell : List.of("arch=causal", "fim=0.5", "mix=nl", "epochs=1")) {
            for (int seed = 1; seed <= 2; seed++) fixture.finish(cell + ",seed=" + seed, 2.0 + seed / 10.0, GOOD, POOR);
        }
        fixture.finish("arch=prefix_lm,seed=1", 2.5, POOR, POOR);
        fixture.measure("arch=prefix_lm,seed=2", 3.0, POOR, POOR);
        fixture.store
                .runs()
                .fail(fixture.run("arch=prefix_lm,seed=2").id(), "out of memory at step 120\n\tat Trainer.step");
        fixture.finish("mix=half,seed=1", 2.2, GOOD, POOR); // mix=half,seed=2 stays queued
        fixture.finish("epochs=4,seed=2", 2.3, GOOD, POOR);
        fixture.measure("epochs=4,seed=1", 2.9, GOOD, POOR);
        fixture.store.runs().cancel(fixture.run("epochs=4,seed=1").id());
    }

    @AfterAll
    static void close() {
        fixture.store.close();
    }

    @Test
    void everyStoredRunLoadsWithItsStatusSeedAndLessons() {
        StudyResults study = StudyResultsLoader.load(fixture.store, StoreFixture.STUDY);
        assertEquals(fixture.names().size(), study.runs().size());
        assertEquals("a small study for the loader tests", study.description());
        assertEquals(RunStatus.FINISHED, study.run("arch=causal,seed=1").status());
        RunResult failed = study.run("arch=prefix_lm,seed=2");
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("out of memory at step 120", failed.statusDetail(), "the error's first line");
        assertEquals(RunStatus.FAILED, study.run("epochs=4,seed=1").status());
        assertEquals("cancelled", study.run("epochs=4,seed=1").statusDetail());
        RunResult queued = study.run("mix=half,seed=2");
        assertEquals(RunStatus.MISSING, queued.status());
        assertTrue(queued.metrics().loss().isEmpty()
                && queued.metrics().evaluations().isEmpty());
        assertEquals(2, queued.seed());
        assertEquals(
                Set.of(1, 2, 4),
                study.run("arch=causal,seed=2").lessons(),
                "the shared causal base serves three lessons");
        assertEquals(Set.of(5), study.run("epochs=4,seed=2").lessons());
        assertEquals(
                fixture.run("fim=0.5,seed=1").cellKey(),
                study.run("fim=0.5,seed=2").cellKey(),
                "seeds share a cell");
        assertEquals("cpu", study.run("fim=0.5,seed=1").provenance().device());
        assertNotNull(study.run("fim=0.5,seed=1").provenance().started());
    }

    @Test
    void configDiffsHoldOnlyWhatDiffersFromTheBase() {
        StudyResults study = StudyResultsLoader.load(fixture.store, StoreFixture.STUDY);
        assertEquals(
                Map.of(),
                study.run("arch=causal,seed=2").configDiff(),
                "the base itself differs in nothing but its seed");
        assertEquals(
                Map.of("objective.clm", "0.5", "objective.fim", "0.5"),
                study.run("fim=0.5,seed=1").configDiff());
        assertEquals(
                Map.of("model.arch", "prefix_lm", "objective.clm", "0", "objective.prefix_lm", "1"),
                study.run("arch=prefix_lm,seed=1").configDiff());
        assertEquals(
                Map.of("data.sources[0].max_tokens", "32000"),
                study.run("epochs=4,seed=2").configDiff());
        assertTrue(study.baseConfig().contains("\"d_model\" : 32"), study.baseConfig());
    }

    @Test
    void theStudysSharedTokenizerIsNoDifferenceFromTheBase() throws Exception {
        // every run pinned to one study tokenizer, as the study queue stores them (hashes unchanged)
        var spec = SpecLoader.parse(StoreFixture.SPEC);
        try (TrackingStore store = TrackingStore.open("jdbc:h2:mem:" + UUID.randomUUID())) {
            Study created = store.studies()
                    .create(
                            spec.name(),
                            new ObjectMapper()
                                    .writeValueAsString(
                                            new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                                                    .readTree(StoreFixture.SPEC)));
            for (RunSpec run : GridExpander.expand(spec, false)) {
                RunConfig c = run.config();
                TokenizerConfig shared = new TokenizerConfig(
                        "/studies/mini/tokenizers/tokenizer-1.json",
                        null,
                        c.tokenizer().maskTokens());
                RunConfig pinned =
                        new RunConfig(c.name(), c.model(), shared, c.data(), c.objective(), c.train(), c.eval());
                RunSpec queued = new RunSpec(
                        run.name(),
                        pinned,
                        run.axisLabels(),
                        run.lessons(),
                        run.configHash(),
                        run.cellKey(),
                        run.vocabSize(),
                        run.parameters(),
                        run.trainingFlops());
                store.runs()
                        .create(
                                created.id(),
                                new NewRun(queued.name(), queued.configJson(), queued.configHash(), queued.cellKey()));
            }
            StudyResults study = StudyResultsLoader.load(store, spec.name());
            assertEquals(Map.of(), study.run("arch=causal,seed=2").configDiff(), "the pinned tokenizer is the base's");
            assertEquals(
                    Map.of("objective.clm", "0.5", "objective.fim", "0.5"),
                    study.run("fim=0.5,seed=1").configDiff());
            long runId = store.runs().list(created.id()).get(0).id();
            assertEquals(
                    List.of(),
                    RunOverviews.of(store, runId).configDiff().keySet().stream()
                            .filter(path -> path.startsWith("tokenizer."))
                            .toList(),
                    "runs show diffs against the same base");
        }
    }

    @Test
    void lossIsDownsampledAgainstTokens() {
        List<LossPoint> loss = StudyResultsLoader.load(fixture.store, StoreFixture.STUDY)
                .run("fim=0.5,seed=1")
                .metrics()
                .loss();
        assertTrue(
                loss.size() <= RunMeasurements.MAX_LOSS_POINTS && loss.size() >= RunMeasurements.MAX_LOSS_POINTS / 2,
                "points: " + loss.size());
        LossPoint last = loss.get(loss.size() - 1);
        assertEquals(StoreFixture.STEPS * StoreFixture.TOKENS_PER_STEP, last.tokens());
        assertEquals(2.1 + 5.0 / StoreFixture.STEPS, last.loss(), 1e-9);
        for (int i = 1; i < loss.size(); i++)
            assertTrue(loss.get(i).tokens() > loss.get(i - 1).tokens());
    }

    @Test
    void evaluationsAreTakenAtTheLastCheckpointWithTheConfiguredKs() {
        RunResult run =
                StudyResultsLoader.load(fixture.store, StoreFixture.STUDY).run("arch=causal,seed=1");
        Evaluation l2r = run.metrics().evaluation("desk-l2r", EvalMode.L2R);
        assertEquals(List.of(1, 2), l2r.ks(), "k = 10 is more than the n = 4 samples stored");
        assertEquals(GOOD.length, l2r.problems().size());
        assertEquals(
                List.of(4, 3, 2, 1, 0),
                l2r.problems().stream().map(ProblemCount::correct).toList(),
                "the step-1000 counts, not step 10's");
        assertEquals(
                List.of(1),
                run.metrics().evaluation("desk-infill", EvalMode.INFILL).ks());
        double finalLoss = 2.1; // seed 1
        assertEquals(finalLoss / 2, run.metrics().bitsPerByte(Domain.PL), 1e-12, "python is a desk-pl source");
        assertEquals(finalLoss / 3, run.metrics().bitsPerByte(Domain.NL), 1e-12, "english is a desk-nl source");
        assertEquals(
                0.5 + finalLoss / 100,
                run.metrics().accuracy(MetricKeys.UNDERSTANDING).accuracy(),
                1e-12);
        assertEquals(
                0.45 + finalLoss / 100,
                run.metrics().accuracy(MetricKeys.UNDERSTANDING).low(),
                1e-12);
        assertEquals(
                0.55 + finalLoss / 100,
                run.metrics().accuracy(MetricKeys.UNDERSTANDING).high(),
                1e-12);
        assertEquals(
                new PromptCheck("desk-infill", "infill", 2, 1, Map.of("stop_token", 7, "prompt_too_long", 4)),
                run.metrics().promptCheck("desk-infill", "infill"));
        assertEquals(
                new PromptCheck("/data/HumanEval.jsonl", "l2r", 0, 0, Map.of()),
                run.metrics().promptCheck("/data/HumanEval.jsonl", "l2r"),
                "a benchmark path keeps its slashes");
        assertEquals(2, run.metrics().promptChecks().size());
    }

    @Test
    void lessonArmsAndRolesComeFromTheStoredSpec() {
        StudyResults study = StudyResultsLoader.load(fixture.store, StoreFixture.STUDY);
        assertEquals(
                List.of(Lesson.PREFIX_LM, Lesson.INFILL_COST, Lesson.MIXTURE, Lesson.EPOCHS),
                study.lessons().stream().map(LessonDesign::lesson).toList());
        LessonDesign prefix = design(study, Lesson.PREFIX_LM);
        assertEquals("model.arch, objective.clm, objective.prefix_lm", prefix.variedField());
        assertArm(
                prefix.arms().get(0),
                "arch=causal",
                ArmRole.BASELINE,
                Double.NaN,
                "arch=causal,seed=1",
                "arch=causal,seed=2");
        assertArm(
                prefix.arms().get(1),
                "arch=prefix_lm",
                ArmRole.TREATMENT,
                Double.NaN,
                "arch=prefix_lm,seed=1",
                "arch=prefix_lm,seed=2");
        LessonDesign infill = design(study, Lesson.INFILL_COST);
        assertEquals("objective.clm, objective.fim", infill.variedField(), "the fields the objective maps change");
        assertArm(infill.arms().get(0), "fim=0", ArmRole.BASELINE, 0, "arch=causal,seed=1", "arch=causal,seed=2");
        assertArm(infill.arms().get(1), "fim=0.5", ArmRole.TREATMENT, 0.5, "fim=0.5,seed=1", "fim=0.5,seed=2");
        LessonDesign mixture = design(study, Lesson.MIXTURE);
        assertEquals("data.sources[0].weight, data.sources[1].weight", mixture.variedField());
        assertArm(mixture.arms().get(0), "mix=pl", ArmRole.PL_ONLY, 1, "arch=causal,seed=1", "arch=causal,seed=2");
        assertArm(mixture.arms().get(1), "mix=nl", ArmRole.NL_ONLY, 0, "mix=nl,seed=1", "mix=nl,seed=2");
        assertArm(mixture.arms().get(2), "mix=half", ArmRole.TREATMENT, 0.5, "mix=half,seed=1", "mix=half,seed=2");
        LessonDesign epochs = design(study, Lesson.EPOCHS);
        assertEquals("epochs", epochs.variedField());
        assertArm(epochs.arms().get(0), "epochs=1", ArmRole.BASELINE, 1, "epochs=1,seed=1", "epochs=1,seed=2");
        assertArm(epochs.arms().get(1), "epochs=4", ArmRole.TREATMENT, 4, "epochs=4,seed=1", "epochs=4,seed=2");
    }

    @Test
    void theLoadedStudyIsAnalysedWithItsUnfinishedRunsLeftOut() {
        List<LessonAnalysis> analyses =
                LessonAnalyzer.analyze(StudyResultsLoader.load(fixture.store, StoreFixture.STUDY));
        assertEquals(4, analyses.size());
        LessonAnalysis prefix = analyses.get(0);
        assertEquals("desk-l2r", prefix.l2rBenchmark());
        assertEquals(1, prefix.arms().get(1).finished().size(), "the failed prefix-LM seed enters no number");
        LessonAnalysis mixture = analyses.get(2);
        assertEquals(
                List.of("mix=half,seed=2"),
                mixture.arms().get(2).unfinished().stream().map(RunResult::name).toList());
    }

    @Test
    void aLessonWithoutTheArmsItsVerdictNeedsIsLeftOutWithANote() throws Exception {
        String spec = StoreFixture.SPEC
                .replace("\"labels\": [\"causal\", \"prefix_lm\"]", "\"labels\": [\"causal\", \"causal-lr\"]")
                .replace(
                        "{\"model\": {\"arch\": \"prefix_lm\"}, \"objective\": {\"clm\": 0.0, \"prefix_lm\": 1.0}}",
                        "{\"model\": {\"arch\": \"causal\"}, \"train\": {\"lr\": 0.002}}");
        StoreFixture withoutPrefixLm = StoreFixture.queued(spec);
        StudyResults study;
        try {
            study = StudyResultsLoader.load(withoutPrefixLm.store, StoreFixture.STUDY);
        } finally {
            withoutPrefixLm.store.close();
        }
        assertTrue(study.lessons().stream().noneMatch(d -> d.lesson() == Lesson.PREFIX_LM));
        assertTrue(study.description().contains("Lesson 1 is not analysed"), study.description());
        assertTrue(study.description().contains("arch=causal-lr"), study.description());
        assertEquals(3, study.lessons().size());
        assertTrue(study.runs().stream().allMatch(r -> r.status() == RunStatus.MISSING), "nothing ran yet");
    }

    @Test
    void runsWithoutAStoredSpecAreDiffedAgainstWhatTheyShare() {
        Study adHoc = fixture.store.studies().create("ad-hoc", null);
        String config =
                "{\"name\": \"%s\", \"model\": {\"arch\": \"causal\", \"layers\": %d}, \"train\": {\"seed\": 1, \"lr\": 0.001}}";
        fixture.store.runs().create(adHoc.id(), NewRun.fromConfig("a", config.formatted("a", 2), "train.seed"));
        fixture.store.runs().create(adHoc.id(), NewRun.fromConfig("b", config.formatted("b", 4), "train.seed"));
        StudyResults study = StudyResultsLoader.load(fixture.store, "ad-hoc");
        assertEquals(Map.of("model.layers", "2"), study.run("a").configDiff());
        assertEquals(Map.of("model.layers", "4"), study.run("b").configDiff());
        assertTrue(study.lessons().isEmpty());
        assertNull(study.baseConfig());
        assertTrue(study.description().contains("no stored spec"), study.description());
    }

    /** The spec is checked by the loader's own error (a WorkbenchException); the study is still shown. */
    @Test
    void aStoredSpecThatNoLongerLoadsIsReportedInANote() {
        Study old = fixture.store.studies().create("old-spec", "{\"name\": \"old-spec\", \"retired_key\": 1}");
        String config = "{\"name\": \"a\", \"train\": {\"seed\": 1}}";
        fixture.store.runs().create(old.id(), NewRun.fromConfig("a", config, "train.seed"));
        StudyResults study = StudyResultsLoader.load(fixture.store, "old-spec");
        assertTrue(study.description().contains("stored spec no longer loads"), study.description());
        assertTrue(study.description().contains("retired_key"), study.description());
        assertTrue(study.lessons().isEmpty());
    }

    @Test
    void anUnknownStudyNamesTheStudiesThereAre() {
        StoreException e = assertThrows(StoreException.class, () -> StudyResultsLoader.load(fixture.store, "nope"));
        assertTrue(e.getMessage().contains("mini"), e.getMessage());
    }

    private static LessonDesign design(StudyResults study, Lesson lesson) {
        return study.lessons().stream()
                .filter(d -> d.lesson() == lesson)
                .findFirst()
                .orElseThrow();
    }

    private static void assertArm(Arm arm, String label, ArmRole role, double level, String... runs) {
        assertEquals(label, arm.label());
        assertEquals(role, arm.role(), label);
        assertEquals(level, arm.level(), 1e-12, label);
        assertEquals(List.of(runs), arm.runs(), label);
    }

    @Test
    void pass1AtT02TheMarginAndTheUnderstandingMetricReachTheVerdict() throws Exception {
        String spec = """
                name: temperatures
                seeds: [1, 2]
                base:
                  model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
                  tokenizer: {train: {vocab_size: 512}}
                  data: {sources: [{name: python, kind: desk-pl}]}
                  train: {tokens: 128000, batch: 4}
                  eval:
                    - {benchmark: desk-l2r, mode: l2r, n: 4, k: [1], temperature: 0.2}
                    - {benchmark: desk-l2r, mode: l2r, n: 4, k: [1, 2], temperature: 0.8}
                ablations:
                  - lesson: 1
                    margin: 0.25
                    axes:
                      - path: ""
                        name: arch
                        labels: [causal, prefix_lm]
                        values:
                          - {model: {arch: causal}, objective: {clm: 1.0, prefix_lm: 0.0}}
                          - {model: {arch: prefix_lm}, objective: {clm: 0.0, prefix_lm: 1.0}}
                """;
        StoreFixture temperatures = StoreFixture.queued(spec);
        try {
            for (Run run : temperatures.store.runs().list(temperatures.study.id())) {
                temperatures.store.runs().start(run.id(), StoreFixture.PROVENANCE);
                try (MetricWriter metrics = temperatures.store.metrics().writer(run.id())) {
                    metrics.log(MetricKeys.UNDERSTANDING, 10, 0.7);
                }
                List<EvalResult> results = new ArrayList<>();
                int cool = run.name().contains("seed=1") ? 2 : 3;
                for (int p = 0; p < 5; p++) {
                    results.add(new EvalResult(run.id(), 10, "desk-l2r@T0.2", "l2r", "p" + p, 4, p < 4 ? cool : 0));
                    results.add(new EvalResult(run.id(), 10, "desk-l2r@T0.8", "l2r", "p" + p, 4, 1));
                }
                temperatures.store.evaluations().recordAll(results);
                temperatures.store.runs().finish(run.id());
            }
            StudyResults study = StudyResultsLoader.load(temperatures.store, "temperatures");
            RunResult causal = study.run("arch=causal,seed=1");
            assertEquals(
                    0.2,
                    causal.metrics().evaluation("desk-l2r@T0.2", EvalMode.L2R).temperature());
            assertEquals(
                    List.of(1),
                    causal.metrics().evaluation("desk-l2r@T0.2", EvalMode.L2R).ks());
            assertEquals(
                    List.of(1, 2),
                    causal.metrics().evaluation("desk-l2r@T0.8", EvalMode.L2R).ks());
            assertEquals(0.7, causal.metrics().scalar(MetricKeys.UNDERSTANDING), 1e-12);
            assertEquals(0.25, study.lessons().get(0).margin());
            LessonAnalysis lesson = LessonAnalyzer.analyze(study).get(0);
            assertEquals("desk-l2r@T0.2", lesson.l2rBenchmark());
            assertTrue(
                    lesson.comparisons().get(0).what().contains("L2R pass@1 at T=0.2"),
                    lesson.comparisons().get(0).what());
            assertEquals(0.25, lesson.comparisons().get(0).margin().relative());
            assertTrue(lesson.comparisons().get(2).measured(), "understanding is measured");
            assertEquals(
                    Outcome.INCONCLUSIVE, lesson.verdict().outcome(), "no infill evaluation: not measured, no pass");
        } finally {
            temperatures.store.close();
        }
    }
}
