package ablation.engine.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.DeskDifficulty;
import ablation.engine.benchmark.ProblemFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskSuiteTest {
    private static final List<String> FILES = List.of(
            DeskSuite.PL_FILE,
            DeskSuite.NL_FILE,
            DeskSuite.L2R_FILE,
            DeskSuite.INFILL_FILE,
            "manifest.json",
            "README.txt");

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytesOtherSeedOthers() throws IOException {
        DeskSuite.write(dir.resolve("a"), 5, 12, 40, 10, DeskDifficulty.DEFAULT);
        DeskSuite.write(dir.resolve("b"), 5, 12, 40, 10, DeskDifficulty.DEFAULT);
        DeskSuite.write(dir.resolve("c"), 6, 12, 40, 10, DeskDifficulty.DEFAULT);
        for (String f : FILES) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f);
        }
        for (String f : List.of(DeskSuite.PL_FILE, DeskSuite.NL_FILE, DeskSuite.L2R_FILE, DeskSuite.INFILL_FILE)) {
            assertFalse(
                    new String(Files.readAllBytes(dir.resolve("a").resolve(f)))
                            .equals(new String(
                                    Files.readAllBytes(dir.resolve("c").resolve(f)))),
                    f);
        }
        try (var files = Files.list(dir.resolve("a"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
    }

    @Test
    void writesReadableJsonLinesAndBenchmarks() throws IOException {
        DeskSuite.Summary s = DeskSuite.write(dir, 2, 7, 30, 9, DeskDifficulty.DEFAULT);
        ObjectMapper json = new ObjectMapper();
        List<String> pl = Files.readAllLines(dir.resolve(DeskSuite.PL_FILE));
        assertEquals(30, pl.size());
        long chars = 0;
        for (String line : pl) chars += json.readTree(line).get("text").asText().length();
        assertEquals(s.plChars(), chars);
        assertEquals(9, Files.readAllLines(dir.resolve(DeskSuite.NL_FILE)).size());
        assertEquals(DeskBenchmarks.l2r(2, 7), ProblemFiles.read(dir.resolve(DeskSuite.L2R_FILE)));
        assertEquals(DeskBenchmarks.infill(2, 7), ProblemFiles.read(dir.resolve(DeskSuite.INFILL_FILE)));
        assertEquals(
                2,
                json.readTree(dir.resolve("manifest.json").toFile()).get("seed").asLong());
        assertTrue(Files.readString(dir.resolve("README.txt")).contains("seed 2"));
    }
}
