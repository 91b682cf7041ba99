package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.experiments.executor.SlurmCluster;
import ablation.experiments.executor.SlurmExecutor;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The flags of {@code workbench study} that concern Slurm, up to the point where a job would be submitted. */
class StudyCommandSlurmTest {
    private static final String STUDY = """
            name: cli-slurm
            base: {data: {sources: [{name: py, kind: desk-pl}]}, train: {tokens: 10000}}
            axes: [{path: model.layers, values: [2, 4]}]
            """;

    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String study() throws Exception {
        return Files.writeString(dir.resolve("study.yaml"), STUDY).toString();
    }

    @Test
    void anInMemoryStoreIsRefusedAndAFileStoreIsServedFromThisNodeWithWhatToDoForACluster() throws Exception {
        assumeTrue(SlurmCluster.available(), "sbatch not on the PATH: the store check comes after it");
        assertEquals(
                Workbench.EXIT_USAGE, run("study", study(), "--executor", "slurm", "--db", "jdbc:h2:mem:slurm-study"));
        assertTrue(err.toString().contains("jdbc:h2:mem:"), err.toString());
        // any H2 file URL is shared like the default store (served on this node's loopback interface):
        // Slurm tasks reach it only on this node, which the warning says, with the two ways out
        String warning = SlurmExecutor.checkStore(StoreLocation.toJdbcUrl("jdbc:h2:file:" + dir.resolve("db")))
                .orElseThrow();
        assertTrue(warning.contains("workbench db serve") && warning.contains("PostgreSQL"), warning);
    }

    @Test
    void aBadSlurmFlagNamesTheFieldBeforeAnythingIsQueued() throws Exception {
        assertEquals(
                Workbench.EXIT_USAGE,
                run(
                        "study",
                        study(),
                        "--executor",
                        "slurm",
                        "--time",
                        "2h",
                        "--db",
                        dir.resolve("db").toString()));
        assertTrue(err.toString().contains("slurm.time = '2h'"), err.toString());
        assertTrue(Files.notExists(dir.resolve("db.mv.db")), "no store was opened");
    }

    @Test
    void detachNeedsTheSlurmExecutor() throws Exception {
        assertEquals(Workbench.EXIT_USAGE, run("study", study(), "--detach"));
        assertTrue(err.toString().contains("--detach needs --executor slurm"), err.toString());
    }

    @Test
    void cancelMarksEveryUnfinishedRunCancelled() throws Exception {
        String file = study();
        String url = StoreLocation.h2FileUrl(dir.resolve("db"));
        try (TrackingStore store = TrackingStore.open(url)) {
            StudyQueue.enqueue(
                    store,
                    "cli-slurm",
                    ConfigLoader.readTree(STUDY),
                    GridExpander.expand(SpecLoader.parse(STUDY), false));
        }
        assertEquals(
                0,
                run(
                        "study",
                        file,
                        "--db",
                        dir.resolve("db").toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--cancel"),
                err.toString());
        try (TrackingStore store = TrackingStore.open(url)) {
            long studyId = store.studies().byName("cli-slurm").orElseThrow().id();
            assertEquals(2, store.runs().list(studyId).size());
            for (Run run : store.runs().list(studyId)) assertEquals(RunStatus.CANCELLED, run.status(), run.name());
        }
        Path other = Files.writeString(dir.resolve("other.yaml"), STUDY.replace("name: cli-slurm", "name: other"));
        assertEquals(
                Workbench.EXIT_USAGE,
                run("study", other.toString(), "--db", dir.resolve("db").toString(), "--cancel"));
        assertTrue(err.toString().contains("no study 'other'"), err.toString());
    }
}
