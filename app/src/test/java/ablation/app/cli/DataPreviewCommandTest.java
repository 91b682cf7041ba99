package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataPreviewCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void showsSentinelsAndBracketsTheUnscoredPart() throws IOException {
        Path file = Files.writeString(dir.resolve("m.py"), "def mean(values):\n    return sum(values) / len(values)\n");
        StringWriter out = new StringWriter();
        int code = run(
                out,
                new StringWriter(),
                "data",
                "preview",
                file.toString(),
                "--objective",
                "span_corruption",
                "-n",
                "2",
                "--color",
                "never");
        assertEquals(0, code);
        String text = out.toString();
        assertEquals(2, text.split("── example", -1).length - 1, text);
        assertTrue(text.contains("⟦<mask_1>⟧"), "the placeholder in the text is not scored: " + text);
        assertTrue(text.contains("<|endoftext|><sep><mask_1>"), "the corrupted file is scored too: " + text);
        assertTrue(text.contains("vocabulary") && text.contains("realised mask ratio"), text);
    }

    @Test
    void withoutScoreContextOnlyTheBlockAfterSepIsScored() throws IOException {
        Path file = Files.writeString(dir.resolve("m.py"), "def mean(values):\n    return sum(values) / len(values)\n");
        Path config = Files.writeString(
                dir.resolve("c.yaml"),
                "data: {sources: [{name: f, kind: files, path: .}]}\n"
                        + "tokenizer: {train: {vocab_size: 600, sample_mb: 1}, mask_tokens: 32}\n"
                        + "model: {context: 96}\nobjective: {span: {score_context: false}}\n");
        StringWriter out = new StringWriter();
        assertEquals(
                0,
                run(
                        out,
                        new StringWriter(),
                        "data",
                        "preview",
                        file.toString(),
                        "--objective",
                        "span_corruption",
                        "--config",
                        config.toString(),
                        "-n",
                        "2",
                        "--color",
                        "never"));
        String text = out.toString();
        assertTrue(text.contains("<|endoftext|><sep>⟧<mask_1>"), "the scored part starts after <sep>: " + text);
    }

    @Test
    void anUnknownObjectiveIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("m.py"), "x = 1\n");
        StringWriter err = new StringWriter();
        assertEquals(
                Workbench.EXIT_USAGE,
                run(new StringWriter(), err, "data", "preview", file.toString(), "--objective", "mlm"));
        assertTrue(err.toString().contains("--objective = 'mlm'"), err.toString());
    }
}
