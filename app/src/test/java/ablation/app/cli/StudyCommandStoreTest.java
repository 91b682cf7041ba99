package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code workbench study FILE --db jdbc:h2:PATH} finishes (issue 14: the study held the embedded
 * store, every worker failed to open it, and workers were relaunched without end); a store no
 * worker can reach is refused before anything trains.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // a relaunch loop without end fails here
class StudyCommandStoreTest {
    private static final String STUDY = """
            name: plain-url
            base:
              model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
              tokenizer: {train: {vocab_size: 512, sample_mb: 0.1}}
              data: {sources: [{name: py, kind: desk-pl}], cache_dir: CACHE}
              train: {tokens: 2560, batch: 8, warmup: 2, checkpoint_every: 5, device: cpu}
            seeds: [1]
            """;

    @TempDir
    Path dir;

    @Test
    void aStudyOnAPlainH2UrlFinishes() throws Exception {
        Path file = Files.writeString(
                dir.resolve("plain-url.yaml"),
                STUDY.replace("CACHE", dir.resolve("cache").toString()));
        String plain = "jdbc:h2:" + dir.resolve("db");
        Result result = study(
                file.toString(), "--db", plain, "--out", dir.resolve("out").toString(), "--threads", "1");
        assertEquals(0, result.code(), result.output());
        try (TrackingStore store = TrackingStore.open(StoreLocation.toJdbcUrl(plain))) {
            List<Run> runs =
                    store.runs().list(store.studies().require("plain-url").id());
            assertEquals(1, runs.size());
            assertEquals(RunStatus.FINISHED, runs.get(0).status(), runs.get(0).error());
        }
        assertEquals(
                1,
                Files.readString(dir.resolve("out/runs/" + 1 + "/worker.log"))
                        .lines()
                        .filter(line -> line.contains("finished at step 10"))
                        .count(),
                "one worker trained the run");
    }

    @Test
    void anInMemoryStoreIsRefusedBeforeAnythingTrains() throws Exception {
        Path file = Files.writeString(
                dir.resolve("plain-url.yaml"),
                STUDY.replace("CACHE", dir.resolve("cache").toString()));
        Result result = study(
                file.toString(),
                "--db",
                "jdbc:h2:mem:study",
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, result.code(), result.output());
        assertTrue(result.output().contains("cannot reach the in-memory store"), result.output());
        assertTrue(Files.notExists(dir.resolve("out/runs")), "no worker was started");
    }

    private record Result(int code, String output) {}

    /** Runs {@code workbench study ...}; its progress goes to System.err, captured with the command's own output. */
    private static Result study(String... args) {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Workbench.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            String[] all = new String[args.length + 1];
            all[0] = "study";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = cli.execute(all);
            return new Result(code, out + progress.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(savedErr);
        }
    }
}
