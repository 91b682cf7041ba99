package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.NewRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The db subcommands, wired through the real command line. */
class DbCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void exportImportAndCsvThroughTheCommandLine() throws Exception {
        String source = StoreLocation.h2FileUrl(dir.resolve("source"));
        try (TrackingStore store = TrackingStore.open(source)) {
            long study = store.studies().create("lesson1", null).id();
            long run = store.runs()
                    .create(study, NewRun.fromConfig("prefix-lm", "{\"train\": {\"seed\": 3}}", "train.seed"))
                    .id();
            try (MetricWriter writer = store.metrics().writer(run)) {
                writer.log("loss", 1, 4.2);
            }
        }
        Path json = dir.resolve("out/lesson1.json");
        StringWriter err = new StringWriter();
        assertEquals(
                0,
                run(err, "db", "export", "--db", source, "--study", "lesson1", "--out", json.toString()),
                err.toString());
        assertTrue(Files.size(json) > 0);
        assertEquals(
                Workbench.EXIT_USAGE,
                run(err, "db", "export", "--db", source, "--study", "lesson1", "--out", json.toString()));
        assertTrue(err.toString().contains("--force"), err.toString());

        String target = dir.resolve("target").toString();
        assertEquals(0, run(err, "db", "import", "--db", target, json.toString(), "--as", "copy"), err.toString());
        assertEquals(
                0,
                run(
                        err,
                        "db",
                        "csv",
                        "--db",
                        target,
                        "--study",
                        "copy",
                        "--out",
                        dir.resolve("csv").toString()),
                err.toString());
        assertEquals(2, Files.readAllLines(dir.resolve("csv/metrics.csv")).size());

        StringWriter missing = new StringWriter();
        assertEquals(
                Workbench.EXIT_USAGE,
                run(
                        missing,
                        "db",
                        "csv",
                        "--db",
                        target,
                        "--study",
                        "nope",
                        "--out",
                        dir.resolve("x").toString()));
        assertTrue(missing.toString().contains("no study named 'nope'; studies here: [copy]"), missing.toString());
    }
}
