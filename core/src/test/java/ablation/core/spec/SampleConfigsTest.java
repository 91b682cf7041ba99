package ablation.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigException;
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
        assertEquals(
                6,
                GridExpander.expand(SpecLoader.load(SAMPLES.resolve("lesson1-prefix-lm.yaml")), false)
                        .size());
        assertEquals(
                9,
                GridExpander.expand(SpecLoader.load(SAMPLES.resolve("lesson2-infill-cost.yaml")), false)
                        .size());
        assertEquals(
                6,
                GridExpander.expand(SpecLoader.load(SAMPLES.resolve("lesson5-epochs.yaml")), false)
                        .size());
    }

    @Test
    void lessonFiveTrainsOneAndFourEpochsOverTheSameDataWithTheCodeGen2Objective() {
        AblationSpec spec = SpecLoader.load(SAMPLES.resolve("five-lessons-quick.yaml"));
        Ablation epochs = spec.ablations().stream()
                .filter(a -> a.lesson() == 5)
                .findFirst()
                .orElseThrow();
        AblationSpec alone = new AblationSpec(
                spec.name(),
                spec.description(),
                spec.base(),
                List.of(epochs),
                spec.seeds(),
                spec.match(),
                spec.parallel(),
                spec.slurm());
        List<RunSpec> runs = GridExpander.expand(alone, false);
        assertEquals(2, runs.size());
        for (RunSpec run : runs) {
            assertEquals(175_000, run.config().data().sources().get(0).maxTokens(), run.name());
            assertEquals(0.5, run.config().objective().clm(), run.name());
            assertEquals(0.5, run.config().objective().spanCorruption(), run.name());
        }
        assertEquals(
                List.of(175_000L, 700_000L),
                runs.stream().map(r -> r.config().train().tokens()).toList());
    }

    @Test
    void theMarginIsReadPerLessonAndChecked() {
        AblationSpec spec = SpecLoader.load(SAMPLES.resolve("five-lessons-desk.yaml"));
        assertTrue(
                spec.ablations().stream().allMatch(a -> a.margin() == 0.1), "the default, and lesson 1's explicit 0.1");
        ConfigException wrong = assertThrows(
                ConfigException.class,
                () -> SpecLoader.parse(
                        "name: x\nlesson: 1\nmargin: 1.5\nbase: {}\naxes: [{path: model.arch, values: [causal, prefix_lm]}]\n"));
        assertTrue(wrong.getMessage().contains("margin"), wrong.getMessage());
    }
}
