package ablation.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedSamples() throws IOException {
        String text =
                "{\"task_id\": \"HumanEval/0\", \"completion\": \"    return 1\\n\"}\n\n{\"task_id\": \"HumanEval/1\", \"completion\": \"\"}\n";
        Path plain = Files.writeString(dir.resolve("s.jsonl"), text);
        Path gz = dir.resolve("s.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        List<Sample> expected = List.of(new Sample("HumanEval/0", "    return 1\n"), new Sample("HumanEval/1", ""));
        assertEquals(expected, SampleFiles.read(plain));
        assertEquals(expected, SampleFiles.read(gz));
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        Path missing = Files.writeString(
                dir.resolve("m.jsonl"), "{\"task_id\": \"a\", \"completion\": \"\"}\n{\"task_id\": \"b\"}\n");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> SampleFiles.read(missing));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("completion"), e.getMessage());
        Path broken = Files.writeString(dir.resolve("b.jsonl"), "{oops\n");
        assertTrue(assertThrows(WorkbenchException.class, () -> SampleFiles.read(broken))
                .getMessage()
                .contains("line 1"));
        assertThrows(WorkbenchException.class, () -> SampleFiles.read(dir.resolve("absent.jsonl")));
    }
}
