package ablation.engine.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemFilesTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsPlainAndGzipped() {
        List<Problem> problems = List.of(
                new Problem("t/0", "def f(x):\n", "", "    return x\n", "def check(c):\n    assert c(1) == 1\n", "f"),
                new Problem(
                        "t/1",
                        "def g(x):\n    y = ",
                        "\n    return y\n",
                        "x + 1",
                        "def check(c):\n    assert c(1) == 2\n",
                        "g"));
        for (String name : List.of("p.jsonl", "p.jsonl.gz")) {
            ProblemFiles.write(dir.resolve(name), problems);
            assertEquals(problems, ProblemFiles.read(dir.resolve(name)));
        }
    }

    @Test
    void readsTheSharedHumanEvalWhenPresent() {
        Path humanEval = Path.of("../../shared/data/HumanEval.jsonl.gz");
        if (!Files.exists(humanEval)) humanEval = Path.of("../shared/data/HumanEval.jsonl.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(humanEval), "../shared/data not found beside the repository");
        List<Problem> problems = ProblemFiles.read(humanEval);
        assertEquals(164, problems.size());
        assertEquals("HumanEval/0", problems.get(0).taskId());
        assertTrue(
                problems.get(0).program(problems.get(0).canonicalSolution()).endsWith("check(has_close_elements)\n"));
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(
                bad, "{\"task_id\": \"a\", \"prompt\": \"p\", \"test\": \"t\", \"entry_point\": \"f\"}\n{oops\n");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> ProblemFiles.read(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void duplicateTaskIdsAreRefusedAndNamed() throws IOException {
        String line = "{\"task_id\": \"%s\", \"prompt\": \"p\", \"test\": \"t\", \"entry_point\": \"f\"}\n";
        Path file = Files.writeString(
                dir.resolve("dup.jsonl"),
                line.formatted("a/1")
                        + line.formatted("b/2")
                        + line.formatted("a/1")
                        + line.formatted("c/3")
                        + line.formatted("c/3"));
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> ProblemFiles.read(file));
        assertTrue(e.getMessage().contains("duplicate task_ids [a/1, c/3]"), e.getMessage());
        Files.writeString(file, line.formatted("a/1") + line.formatted("b/2"));
        assertEquals(2, ProblemFiles.read(file).size());
    }
}
