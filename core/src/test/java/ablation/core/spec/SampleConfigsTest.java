package ablation.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ablation.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped config loads and expands: the files users start from must never be broken. */
class SampleConfigsTest {
    private static final Path SAMPLES = Path.of("../sample-configs");

    @Test
    void everyStudyExpandsAndEveryRunConfigLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String text = Files.readString(file);
            if (text.contains("\nbase:")) {
                List<RunSpec> runs = GridExpander.expand(SpecLoader.load(file), false);
                assertFalse(runs.isEmpty(), file.toString());
            } else {
                ConfigLoader.load(file);
            }
        }
    }

    @Test
    void lessonGridsHaveTheExpectedArms() {
        assertEquals(6, GridExpander.expand(SpecLoader.load(SAMPLES.resolve("lesson1-prefix-lm.yaml")), false).size());
        assertEquals(9, GridExpander.expand(SpecLoader.load(SAMPLES.resolve("lesson2-infill-cost.yaml")), false).size());
        assertEquals(12, GridExpander.expand(SpecLoader.load(SAMPLES.resolve("lesson5-epochs.yaml")), false).size());
    }
}
