package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.artifact.Artifact;
import ablation.storage.artifact.Artifacts;
import ablation.storage.eval.EvalResult;
import ablation.storage.eval.Sample;
import ablation.storage.metric.MetricPoint;
import ablation.storage.metric.MetricSummary;
import ablation.storage.metric.MetricWriter;
import ablation.storage.metric.SeriesBucket;
import ablation.storage.run.NewRun;
import ablation.storage.run.Param;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import ablation.storage.transfer.CsvExport;
import ablation.storage.transfer.StudyExport;
import ablation.storage.transfer.StudyImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's behaviour, the same on every database: subclasses say which (H2, PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrackingStoreContract {
    protected static final String CONFIG = "{\"model\": {\"arch\": \"causal\", \"layers\": 4},"
            + " \"objective\": {\"fim\": 0.5}, \"train\": {\"seed\": %d, \"lr\": 0.001}}";

    protected StoreTarget target;
    protected TrackingStore store;
    protected String url;

    protected abstract StoreTarget newTarget();

    @BeforeEach
    void openStore() {
        if (target == null) {
            target = newTarget();
        }
        url = target.newStoreUrl();
        store = target.open(url);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @AfterAll
    void closeTarget() {
        if (target != null) {
            target.close();
        }
    }

    protected Run newRun(Study study, String name, int seed) {
        return store.runs().create(study.id(), NewRun.fromConfig(name, CONFIG.formatted(seed), "train.seed"));
    }

    @Test
    void runsKeepConfigHashesAndTypedParameters() {
        Study study = store.studies().create("s", "{\"axes\": []}");
        Run a = newRun(study, "a", 1);
        Run b = newRun(study, "b", 2);
        assertEquals(RunStatus.QUEUED, a.status());
        assertEquals(CONFIG.formatted(1), a.configJson());
        assertEquals(a.cellKey(), b.cellKey(), "seeds of one cell share the cell key");
        assertFalse(a.configHash().equals(b.configHash()), "different seeds, different config hashes");
        assertEquals(
                List.of(a.id(), b.id()),
                store.runs().ofCell(study.id(), a.cellKey()).stream()
                        .map(Run::id)
                        .toList());

        Map<String, Param> params = store.runs().params(a.id());
        assertEquals(4.0, params.get("model.layers").number());
        assertEquals("causal", params.get("model.arch").text());
        assertEquals(
                List.of(a.id(), b.id()),
                store.runs().withParamBetween(study.id(), "objective.fim", 0.4, 0.6).stream()
                        .map(Run::id)
                        .toList());
        assertEquals(
                List.of(b.id()),
                store.runs().withParamBetween(study.id(), "train.seed", 2, 2).stream()
                        .map(Run::id)
                        .toList());
        assertEquals(2, store.runs().paramsOfStudy(study.id()).size());
        assertEquals(
                List.of(a.id(), b.id()),
                store.runs().withParam(study.id(), "model.arch", "causal").stream()
                        .map(Run::id)
                        .toList());
        assertEquals(List.of(), store.runs().withParam(study.id(), "model.arch", "prefix"));
    }

    @Test
    void statusTransitionsAreGuardedAndProvenanceIsRecorded() {
        Study study = store.studies().create("s", null);
        Run run = newRun(study, "a", 1);
        Provenance provenance = Provenance.ofThisMachine("0.1.0", "0.36.0", "2.7.1", "cpu");
        Run started = store.runs().start(run.id(), provenance);
        assertEquals(RunStatus.RUNNING, started.status());
        assertEquals(
                List.of(run.id()),
                store.runs().withStatus(RunStatus.RUNNING).stream().map(Run::id).toList());
        assertEquals(provenance, started.provenance());
        assertTrue(started.startedAt() != null && started.heartbeatAt() != null);
        StoreException twice =
                assertThrows(StoreException.class, () -> store.runs().start(run.id(), provenance));
        assertTrue(twice.getMessage().contains("is running"), twice.getMessage());
        store.runs().fail(run.id(), "out of memory");
        Run failed = store.runs().require(run.id());
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("out of memory", failed.error());
        assertTrue(failed.endedAt() != null);
        assertThrows(StoreException.class, () -> store.runs().finish(run.id()));
    }

    /** V3: the database itself refuses a status or an evaluation mode the code does not know. */
    @Test
    void unknownStatusesAndModesAreRefusedByTheDatabase() throws SQLException {
        Study study = store.studies().create("s", null);
        Run run = newRun(study, "a", 1);
        store.evaluations().record(new EvalResult(run.id(), 1, "desk-infill", "infill-line", "p0", 1, 1), List.of());
        try (Connection c = DriverManager.getConnection(url, target.user(), target.password());
                Statement s = c.createStatement()) {
            for (RunStatus status : RunStatus.values()) {
                s.executeUpdate("UPDATE runs SET status = '" + status.dbValue() + "' WHERE id = " + run.id());
            }
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("UPDATE runs SET status = 'paused' WHERE id = " + run.id()));
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE eval_results SET mode = 'L2R'"));
        }
        assertEquals(
                List.of("infill-line"),
                store.evaluations().results(run.id()).stream()
                        .map(EvalResult::mode)
                        .toList());
    }

    @Test
    void onlyOneWorkerClaimsEachQueuedRun() {
        Study study = store.studies().create("s", null);
        Run first = newRun(study, "a", 1);
        Run second = newRun(study, "b", 2);
        assertEquals(
                first.id(),
                store.runs()
                        .claimNext(study.id(), Provenance.UNKNOWN)
                        .orElseThrow()
                        .id());
        assertEquals(
                second.id(),
                store.runs()
                        .claimNext(study.id(), Provenance.UNKNOWN)
                        .orElseThrow()
                        .id());
        assertTrue(store.runs().claimNext(study.id(), Provenance.UNKNOWN).isEmpty());
    }

    @Test
    void nonFiniteValuesSurviveInPointsAndSummaries() {
        Run run = newRun(store.studies().create("s", null), "a", 1);
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            writer.log("loss", 0, Double.NaN, 10);
            writer.log("loss", 1, 2.5, 11);
            writer.log("loss", 2, Double.POSITIVE_INFINITY, 12);
            writer.log("loss", 3, -1.5, 13);
            writer.log("loss", 4, Double.NEGATIVE_INFINITY, 14);
        }
        List<MetricPoint> points = store.metrics().points(run.id(), "loss");
        assertEquals(
                List.of(
                        new MetricPoint("loss", 0, Double.NaN, 10),
                        new MetricPoint("loss", 1, 2.5, 11),
                        new MetricPoint("loss", 2, Double.POSITIVE_INFINITY, 12),
                        new MetricPoint("loss", 3, -1.5, 13),
                        new MetricPoint("loss", 4, Double.NEGATIVE_INFINITY, 14)),
                points);
        MetricSummary summary = store.metrics().summary(run.id(), "loss").orElseThrow();
        assertEquals(
                new MetricSummary(run.id(), "loss", 5, 3, 0, Double.NaN, 4, Double.NEGATIVE_INFINITY, -1.5, 2.5),
                summary);
    }

    @Test
    void summariesStayCurrentAcrossFlushesAndOutOfOrderSteps() {
        Run run = newRun(store.studies().create("s", null), "a", 1);
        List<Double> values = new ArrayList<>();
        try (MetricWriter writer =
                store.metrics().writer(run.id(), new MetricWriter.Settings(7, Duration.ofHours(1)))) {
            for (int step = 100; step >= 0; step--) {
                double value = Math.sin(step) * step;
                values.add(value);
                writer.log("loss", step, value);
                writer.log("lr", step, 1e-3);
            }
        }
        MetricSummary loss = store.metrics().summary(run.id(), "loss").orElseThrow();
        assertEquals(101, loss.points());
        assertEquals(0, loss.firstStep());
        assertEquals(0.0, loss.first());
        assertEquals(100, loss.lastStep());
        assertEquals(Math.sin(100) * 100, loss.last());
        assertEquals(values.stream().mapToDouble(d -> d).min().orElseThrow(), loss.min());
        assertEquals(values.stream().mapToDouble(d -> d).max().orElseThrow(), loss.max());
        assertEquals(List.of("loss", "lr"), store.metrics().keys(run.id()));
    }

    @Test
    void aLongSeriesComesBackInAtMostTheAskedPointsWithItsSpike() {
        Run run = newRun(store.studies().create("s", null), "a", 1);
        int length = 1_000_000;
        int spikeStep = 654_321;
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            for (int step = 0; step < length; step++) {
                writer.log("loss", step, step == spikeStep ? 1000.0 : 1.0 + (step % 7) * 0.01, step);
            }
        }
        List<SeriesBucket> view = store.metrics().series(run.id(), "loss", 500);
        assertTrue(view.size() <= 500 && view.size() >= 450, "buckets: " + view.size());
        assertEquals(length, view.stream().mapToLong(SeriesBucket::points).sum());
        assertEquals(0, view.get(0).fromStep());
        assertEquals(length - 1, view.get(view.size() - 1).toStep());
        SeriesBucket spike = view.stream()
                .filter(b -> b.fromStep() <= spikeStep && spikeStep <= b.toStep())
                .findFirst()
                .orElseThrow();
        assertEquals(1000.0, spike.max());
        assertEquals(1.0, spike.min());
        assertEquals(1, view.stream().filter(b -> b.max() > 2).count(), "exactly one bucket holds the spike");
        for (SeriesBucket b : view) {
            assertEquals(1.0 + (b.toStep() % 7) * 0.01, b.last(), 1e-12, "last value of bucket ending " + b.toStep());
        }
    }

    @Test
    void downsampledBucketsMatchABruteForceReduction() {
        Run run = newRun(store.studies().create("s", null), "a", 1);
        int length = 50_000;
        double[] values = new double[length];
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            for (int step = 0; step < length; step++) {
                values[step] = Math.sin(step * 0.37) * Math.log(step + 2);
                writer.log("x", step, values[step]);
            }
        }
        // A zoomed view served by raw points (width < 16) and a full view served by rollups.
        for (long[] range : new long[][] {{1000, 4999}, {0, length - 1}, {32, 20_000 * 16L - 1}}) {
            long to = Math.min(range[1], length - 1);
            List<SeriesBucket> view = store.metrics().series(run.id(), "x", 300, range[0], range[1]);
            assertTrue(view.size() <= 300, "buckets " + view.size());
            for (SeriesBucket b : view) {
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                for (long s = b.fromStep(); s <= b.toStep(); s++) {
                    min = Math.min(min, values[(int) s]);
                    max = Math.max(max, values[(int) s]);
                }
                assertEquals(min, b.min(), 0.0);
                assertEquals(max, b.max(), 0.0);
                assertEquals(values[(int) b.toStep()], b.last(), 0.0);
                assertEquals(b.toStep() - b.fromStep() + 1, b.points());
            }
            assertEquals(to, view.get(view.size() - 1).toStep());
        }
    }

    @Test
    void evaluationsKeepCountsPerProblemAndStep() {
        Study study = store.studies().create("s", null);
        Run run = newRun(study, "a", 1);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.add(new Sample(
                    i,
                    "return x" + i,
                    i < 1 ? Sample.PASSED : "failed",
                    i < 1 ? null : "AssertionError",
                    i < 1 ? "stop_token" : "length"));
        }
        store.evaluations().record(new EvalResult(run.id(), 100, "desk-l2r", "l2r", "p0", 4, 1), samples);
        store.evaluations()
                .recordAll(List.of(
                        new EvalResult(run.id(), 100, "desk-l2r", "l2r", "p1", 4, 4),
                        new EvalResult(run.id(), 100, "desk-l2r", "l2r", "p2", 4, 0),
                        new EvalResult(run.id(), 200, "desk-l2r", "l2r", "p0", 4, 2)));
        assertEquals(samples, store.evaluations().samples(run.id(), 100, "desk-l2r", "l2r", "p0"));
        assertEquals(List.of(100L, 200L), store.evaluations().steps(run.id(), "desk-l2r", "l2r"));

        assertEquals(
                List.of(
                        new EvalResult(run.id(), 100, "desk-l2r", "l2r", "p0", 4, 1),
                        new EvalResult(run.id(), 100, "desk-l2r", "l2r", "p1", 4, 4),
                        new EvalResult(run.id(), 100, "desk-l2r", "l2r", "p2", 4, 0)),
                store.evaluations().results(run.id(), 100, "desk-l2r", "l2r"));
        assertEquals(4, store.evaluations().results(run.id()).size());
    }

    @Test
    void aStaleRunIsOrphanedThenResumedFromItsCheckpoint() throws InterruptedException {
        Run run = newRun(store.studies().create("s", null), "a", 1);
        store.runs().start(run.id(), Provenance.UNKNOWN);
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            for (int step = 0; step < 100; step++) {
                writer.log("loss", step, 100 - step);
            }
        }
        assertTrue(store.runs().markOrphans(Duration.ofHours(1)).isEmpty(), "a fresh heartbeat is not stale");
        Thread.sleep(20);
        List<Run> orphans = store.runs().markOrphans(Duration.ofMillis(10));
        assertEquals(List.of(run.id()), orphans.stream().map(Run::id).toList());
        assertEquals(RunStatus.ORPHANED, store.runs().require(run.id()).status());

        Run resumed = store.runs().resume(run.id(), 49);
        assertEquals(RunStatus.RUNNING, resumed.status());
        MetricSummary summary = store.metrics().summary(run.id(), "loss").orElseThrow();
        assertEquals(50, summary.points());
        assertEquals(49, summary.lastStep());
        assertEquals(51.0, summary.last());
        assertEquals(51.0, summary.min());
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            for (int step = 50; step < 100; step++) {
                writer.log("loss", step, 7);
            }
        }
        assertEquals(100, store.metrics().points(run.id(), "loss").size());
        assertEquals(
                7.0, store.metrics().summary(run.id(), "loss").orElseThrow().min());
        store.runs().finish(run.id());
        assertEquals(RunStatus.FINISHED, store.runs().require(run.id()).status());
    }

    @Test
    void deletingAStudyRemovesEverythingItsRunsWrote() {
        Study study = store.studies().create("gone", null);
        Run run = newRun(study, "a", 1);
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            writer.log("loss", 1, 1);
        }
        Study kept = store.studies().create("kept", null);
        Run keptRun = newRun(kept, "b", 1);
        try (MetricWriter writer = store.metrics().writer(keptRun.id())) {
            writer.log("loss", 1, 2);
        }
        store.studies().delete(study.id());
        assertEquals(Optional.empty(), store.studies().byName("gone"));
        assertEquals(Optional.empty(), store.runs().get(run.id()));
        assertEquals(List.of(), store.metrics().points(run.id(), "loss"));
        assertEquals(1, store.metrics().points(keptRun.id(), "loss").size());
        StoreException duplicate =
                assertThrows(StoreException.class, () -> store.studies().create("kept", null));
        assertTrue(duplicate.getMessage().contains("already exists"));
    }

    @Test
    void fourWriterProcessesLoseNoPoint() throws Exception {
        Study study = store.studies().create("parallel", null);
        int points = 100_000;
        List<Run> runs = new ArrayList<>();
        List<WriterRun> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Run run = newRun(study, "w" + w, w);
            store.runs().start(run.id(), Provenance.UNKNOWN);
            runs.add(run);
            writers.add(WriterRun.start(url, target, run.id(), points, 5_000));
        }
        for (WriterRun writer : writers) {
            writer.awaitSuccess(Duration.ofMinutes(3));
        }
        for (Run run : runs) {
            List<MetricPoint> stored = store.metrics().points(run.id(), "loss");
            assertEquals(points, stored.size(), "points of run " + run.name());
            for (int step = 0; step < points; step++) {
                assertEquals(step, stored.get(step).step());
                assertEquals(
                        WriterProcess.valueAt(run.id(), step), stored.get(step).value());
            }
            assertEquals(
                    points,
                    store.metrics().summary(run.id(), "loss").orElseThrow().points());
        }
    }

    @Test
    void aWriterKilledMidBatchLeavesTheStoreConsistentAndItsRunOrphaned() throws Exception {
        Run run = newRun(store.studies().create("killed", null), "victim", 1);
        store.runs().start(run.id(), Provenance.UNKNOWN);
        int batch = 20_000;
        WriterRun writer = WriterRun.start(url, target, run.id(), 100_000_000, batch);
        writer.awaitFlushes(2, Duration.ofMinutes(2));
        writer.kill();

        List<MetricPoint> stored = store.metrics().points(run.id(), "loss");
        MetricSummary summary = store.metrics().summary(run.id(), "loss").orElseThrow();
        assertTrue(stored.size() >= 2L * batch, "at least the two reported flushes: " + stored.size());
        assertEquals(0, stored.size() % batch, "whole batches only, never half of one: " + stored.size());
        assertEquals(stored.size(), summary.points(), "summary agrees with the points");
        assertEquals(stored.size() - 1, summary.lastStep());
        assertEquals(
                stored.size(),
                store.metrics().series(run.id(), "loss", 100).stream()
                        .mapToLong(SeriesBucket::points)
                        .sum(),
                "rollups agree with the points");

        Thread.sleep(400);
        assertEquals(
                List.of(run.id()),
                store.runs().markOrphans(Duration.ofMillis(300)).stream()
                        .map(Run::id)
                        .toList());
        long checkpoint = stored.size() / 2 - 1;
        assertEquals(
                RunStatus.RUNNING, store.runs().resume(run.id(), checkpoint).status());
        assertEquals(
                checkpoint + 1,
                store.metrics().summary(run.id(), "loss").orElseThrow().points());
        store.runs().fail(run.id(), "gave up");
        assertEquals(RunStatus.FAILED, store.runs().require(run.id()).status());
    }

    @Test
    void anExportImportedIntoAnEmptyStoreIsIdentical(@TempDir Path dir) throws IOException {
        Study study = store.studies().create("lesson2", "{\"axes\": [{\"path\": \"objective\"}]}");
        for (int seed = 1; seed <= 2; seed++) {
            Run run = newRun(study, "fim-" + seed, seed);
            store.runs().start(run.id(), Provenance.ofThisMachine("0.1.0", "0.36.0", "2.7.1", "cpu"));
            try (MetricWriter writer = store.metrics().writer(run.id())) {
                for (int step = 0; step < 3000; step++) {
                    writer.log(
                            "loss", step, step == 7 ? Double.NaN : 3.0 / (step + 1) + seed, 1_700_000_000_000L + step);
                    if (step % 100 == 0) {
                        writer.log("lr", step, step == 0 ? Double.NEGATIVE_INFINITY : 1e-3);
                    }
                }
            }
            store.evaluations()
                    .record(
                            new EvalResult(run.id(), 3000, "desk-l2r", "l2r", "desk/0", 2, 1),
                            List.of(
                                    new Sample(0, "  return a + b\n", Sample.PASSED, null, "stop_sequence"),
                                    new Sample(1, "  return a, \"b\"\n", "failed", "AssertionError: 3 != 4")));
            Path checkpoint = Files.writeString(dir.resolve("ckpt-" + seed), "weights " + seed);
            store.artifacts().record(study.id(), run.id(), "checkpoint", checkpoint, 3000L);
            store.runs().finish(run.id());
        }
        store.artifacts().record(study.id(), null, "report", Files.writeString(dir.resolve("report.md"), "# r"), null);
        store.studies().create("other", null);

        byte[] exported = export(store, "lesson2");
        try (TrackingStore empty = target.open(target.newStoreUrl())) {
            Study imported = StudyImport.read(empty, new ByteArrayInputStream(exported), null, "export.json");
            assertEquals("lesson2", imported.name());
            assertEquals(
                    new String(exported, StandardCharsets.UTF_8),
                    new String(export(empty, "lesson2"), StandardCharsets.UTF_8));
            Run first = empty.runs().list(imported.id()).get(0);
            assertTrue(Double.isNaN(
                    empty.metrics().points(first.id(), "loss").get(7).value()));
            assertEquals(
                    store
                            .metrics()
                            .summaries(store.runs().list(study.id()).get(0).id())
                            .stream()
                            .map(m -> m.toString().replaceFirst("runId=\\d+", ""))
                            .toList(),
                    empty.metrics().summaries(first.id()).stream()
                            .map(m -> m.toString().replaceFirst("runId=\\d+", ""))
                            .toList());
            assertEquals(
                    store.evaluations()
                            .samples(store.runs().list(study.id()).get(0).id(), 3000, "desk-l2r", "l2r", "desk/0"),
                    empty.evaluations().samples(first.id(), 3000, "desk-l2r", "l2r", "desk/0"),
                    "samples come back with their verdicts and finish reasons");
            Artifact checkpoint = empty.artifacts().ofRun(first.id()).get(0);
            assertEquals(3000L, checkpoint.step());
            assertTrue(Artifacts.isIntact(checkpoint), "the checkpoint file is unchanged");
            Files.writeString(Path.of(checkpoint.path()), "tampered");
            assertFalse(Artifacts.isIntact(checkpoint));

            StoreException again = assertThrows(
                    StoreException.class,
                    () -> StudyImport.read(empty, new ByteArrayInputStream(exported), null, "export.json"));
            assertTrue(again.getMessage().contains("already exists"), again.getMessage());
            assertEquals(
                    "copy",
                    StudyImport.read(empty, new ByteArrayInputStream(exported), "copy", "export.json")
                            .name());
        }
    }

    @Test
    void aBrokenExportLeavesNoHalfImportedStudy() {
        byte[] broken = ("{\"format\": \"ablation-workbench-study\", \"version\": 1, \"study\": {\"name\": \"half\","
                        + " \"created_at\": \"2026-01-01T00:00:00Z\"}, \"runs\": [], \"metrics\": [{\"run\": 5, \"key\": \"x\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        StoreException e = assertThrows(
                StoreException.class,
                () -> StudyImport.read(store, new ByteArrayInputStream(broken), null, "broken.json"));
        assertTrue(e.getMessage().contains("broken.json") && e.getMessage().contains("run 5"), e.getMessage());
        assertEquals(Optional.empty(), store.studies().byName("half"));
        StoreException notJson = assertThrows(
                StoreException.class,
                () -> StudyImport.read(
                        store,
                        new ByteArrayInputStream("PK\u0003\u0004 zip".getBytes(StandardCharsets.UTF_8)),
                        null,
                        "x.zip"));
        assertTrue(notJson.getMessage().contains("x.zip is not a workbench study export"), notJson.getMessage());
    }

    @Test
    void metricTablesExportAsCsv(@TempDir Path dir) throws IOException {
        Study study = store.studies().create("csv", null);
        Run run = newRun(study, "a,b", 1);
        try (MetricWriter writer = store.metrics().writer(run.id())) {
            writer.log("loss", 0, 2.5, 100);
            writer.log("loss", 1, Double.NaN, 101);
        }
        List<Path> files = CsvExport.write(store, "csv", dir);
        assertEquals(5, files.size());
        assertEquals(
                List.of(
                        "run_id,run,key,step,value,wall_ms",
                        run.id() + ",\"a,b\",loss,0,2.5,100",
                        run.id() + ",\"a,b\",loss,1,NaN,101"),
                Files.readAllLines(dir.resolve("metrics.csv")));
        assertTrue(Files.readAllLines(dir.resolve("params.csv")).contains(run.id() + ",model.layers,4"));
        assertEquals(2, Files.readAllLines(dir.resolve("summaries.csv")).size());
    }

    private static byte[] export(TrackingStore from, String study) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StudyExport.write(from, study, out);
        return out.toByteArray();
    }

    @Test
    void reopeningAStoreKeepsItsDataAndSchema() {
        Study study = store.studies().create("s", null);
        store.close();
        store = target.open(url);
        assertEquals(study, store.studies().require("s"));
    }
}
