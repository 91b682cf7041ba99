package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.run.NewRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Files and names (issue 14, item 7): every case exits 2 with a message naming the option and value, writing nothing. */
class FilesAndNamesCommandTest {
    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();
    final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void assertRefused(String expected, String... args) {
        assertEquals(Workbench.EXIT_USAGE, run(args), err.toString());
        assertTrue(err.toString().contains(expected), "expected '" + expected + "' in: " + err);
    }

    /** A store with one study and one run, exported to {@code export.json}. */
    private Path exported() {
        String url = StoreLocation.h2FileUrl(dir.resolve("source"));
        try (TrackingStore store = TrackingStore.open(url)) {
            long study = store.studies().create("lesson1", null).id();
            store.runs().create(study, NewRun.fromConfig("r", "{\"train\": {\"seed\": 1}}", "train.seed"));
        }
        Path json = dir.resolve("export.json");
        assertEquals(
                0, run("db", "export", "--db", url, "--study", "lesson1", "--out", json.toString()), err.toString());
        return json;
    }

    @Test
    void importAsAnUnsafeNameIsRefusedBeforeTheStoreIsOpened() {
        Path json = exported();
        assertRefused(
                "--as = '../../x'",
                "db",
                "import",
                "--db",
                dir.resolve("target").toString(),
                json.toString(),
                "--as",
                "../../x");
        assertTrue(err.toString().contains("not starting with '.'"), err.toString());
        assertFalse(Files.exists(dir.resolve("target.mv.db")), "no store was created");
    }

    @Test
    void anUnsafeNameInsideAnExportIsRefusedAndNothingIsImported() throws IOException {
        Path json = exported();
        Path crafted = Files.writeString(
                dir.resolve("crafted.json"),
                Files.readString(json).replace("\"name\":\"lesson1\"", "\"name\":\"../../x\""));
        assertTrue(Files.readString(crafted).contains("../../x"), "the export was crafted");
        String target = StoreLocation.h2FileUrl(dir.resolve("target"));
        assertRefused("study name '../../x'", "db", "import", "--db", target, crafted.toString());
        try (TrackingStore store = TrackingStore.open(target)) {
            assertEquals(0, store.studies().list().size());
        }
    }

    @Test
    void reportAndOtherStudyFlagsRefuseUnsafeNames() {
        String db = dir.resolve("store").toString();
        assertRefused("--study = '../../x'", "report", "--db", db, "--study", "../../x");
        assertRefused(
                "--study = '.hidden'",
                "db",
                "csv",
                "--db",
                db,
                "--study",
                ".hidden",
                "--out",
                dir.resolve("csv").toString());
        assertRefused(
                "--study = 'a/b'",
                "db",
                "export",
                "--db",
                db,
                "--study",
                "a/b",
                "--out",
                dir.resolve("e.json").toString());
        assertRefused("--study = '..'", "runs", "list", "--db", db, "--study", "..");
        assertFalse(Files.exists(dir.resolve("store.mv.db")), "no store was created");
        assertFalse(Files.exists(dir.resolve("csv")), "no directory was created");
    }

    @Test
    void scoreRefusesToWriteItsResultsOverTheSamples() throws IOException {
        Path samples = Files.writeString(
                dir.resolve("samples.jsonl"), "{\"task_id\": \"t/0\", \"completion\": \"  return 1\\n\"}\n");
        String before = Files.readString(samples);
        assertRefused(
                "--out = '" + samples + "' is the --samples file",
                "score",
                "--benchmark",
                dir.resolve("b.jsonl").toString(),
                "--samples",
                samples.toString(),
                "--out",
                samples.toString());
        assertRefused(
                "is the --samples file",
                "score",
                "--benchmark",
                dir.resolve("b.jsonl").toString(),
                "--samples",
                samples.toString(),
                "--out",
                dir.resolve("x/../samples.jsonl").toString());
        assertEquals(before, Files.readString(samples));
    }

    @Test
    void serveRefusesAnImpossiblePortBeforeCreatingTheStore() {
        assertRefused(
                "--port = 70000",
                "db",
                "serve",
                "--db",
                dir.resolve("served").toString(),
                "--port",
                "70000",
                "--password=pw");
        assertRefused("--port", "db", "serve", "--db", dir.resolve("served").toString(), "--port", "nine");
        assertFalse(Files.exists(dir.resolve("served.mv.db")), "no store was created");
    }

    /** A closed store with study {@code s} and many loss points, then overwritten with noise after its headers. */
    private Path damagedStore() throws IOException {
        Path database = dir.resolve("damaged");
        try (TrackingStore store = TrackingStore.open(StoreLocation.h2FileUrl(database))) {
            long study = store.studies().create("s", null).id();
            long run = store.runs()
                    .create(study, NewRun.fromConfig("r", "{\"train\": {\"seed\": 1}}", "train.seed"))
                    .id();
            try (ablation.storage.metric.MetricWriter writer = store.metrics().writer(run)) {
                for (int step = 1; step <= 60_000; step++) writer.log("loss", step, 1.0 / step);
            }
        }
        // SHUTDOWN waits until H2 has closed the file in this JVM, so no pending write of the store
        // above can land after the noise (and be taken for a reading command's write)
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
                java.sql.Statement statement = c.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        Path file = dir.resolve("damaged.mv.db");
        long size = Files.size(file);
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) (size - 3 * 4096)];
            new java.util.Random(7).nextBytes(noise);
            raw.seek(2 * 4096);
            raw.write(noise);
        }
        return file;
    }

    @Test
    void aDamagedStoreIsReportedAndReadingCommandsLeaveItAndNoTruncatedCsv() throws IOException {
        Path file = damagedStore();
        byte[] before = Files.readAllBytes(file);
        assertRefused(
                "is damaged", "runs", "list", "--db", dir.resolve("damaged").toString());
        assertRefused(
                "opened read-only and not changed",
                "db",
                "csv",
                "--db",
                dir.resolve("damaged").toString(),
                "--study",
                "s",
                "--out",
                dir.resolve("csv").toString());
        assertRefused(
                "is damaged",
                "report",
                "--db",
                dir.resolve("damaged").toString(),
                "--study",
                "s",
                "--out",
                dir.resolve("report").toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "no reading command wrote the store");
        assertFalse(
                Files.exists(dir.resolve("csv")) && dir.resolve("csv").toFile().list().length > 0,
                "no CSV file was left");
    }

    @Test
    void readingCommandsDoNotCreateAStore() {
        assertRefused(
                "no store at", "runs", "list", "--db", dir.resolve("absent").toString());
        assertFalse(Files.exists(dir.resolve("absent.mv.db")), "no store was created");
    }
}
