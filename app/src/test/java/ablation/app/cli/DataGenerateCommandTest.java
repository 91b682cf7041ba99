package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataGenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesTheSuiteAndReportsCounts() throws Exception {
        CommandLine cli = Workbench.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute(
                "data",
                "generate",
                "--out",
                dir.toString(),
                "--seed",
                "3",
                "--problems",
                "4",
                "--pl-docs",
                "10",
                "--nl-docs",
                "5",
                "--max-steps",
                "2");
        assertEquals(0, code);
        assertTrue(out.toString().contains("desk-l2r.jsonl"), out.toString());
        assertEquals(4, Files.readAllLines(dir.resolve("desk-l2r.jsonl")).size());
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"max_steps\" : 2"));
    }

    @Test
    void outOfRangeKnobIsAUsageError() {
        CommandLine cli = Workbench.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(Workbench.EXIT_USAGE, cli.execute("data", "generate", "--out", dir.toString(), "--families", "0"));
        assertTrue(err.toString().contains("desk.families"), err.toString());
    }
}
