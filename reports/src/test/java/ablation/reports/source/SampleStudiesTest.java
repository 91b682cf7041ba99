package ablation.reports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ablation.core.spec.Ablation;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.SpecLoader;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.StudyResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped study, queued, loads with a design for each lesson it tests: the roles are found in the real configs. */
class SampleStudiesTest {
    private static final Path SAMPLES = Path.of("../sample-configs");

    @Test
    void everySampleStudyDesignsEachOfItsLessons() throws Exception {
        List<Path> studies = studies();
        assertFalse(studies.isEmpty());
        for (Path file : studies) {
            AblationSpec spec = SpecLoader.load(file);
            StoreFixture fixture = StoreFixture.queued(Files.readString(file));
            try {
                StudyResults results = StudyResultsLoader.load(fixture.store, spec.name());
                List<Integer> tested = spec.ablations().stream()
                        .map(Ablation::lesson)
                        .filter(l -> l > 0)
                        .distinct()
                        .sorted()
                        .toList();
                assertEquals(
                        tested,
                        results.lessons().stream().map(d -> d.lesson().number()).toList(),
                        file + ": " + results.description());
                for (LessonDesign design : results.lessons())
                    assertFalse(design.arms().isEmpty(), file.toString());
                assertEquals(spec.description(), results.description(), file + ": the loader added notes");
            } finally {
                fixture.store.close();
            }
        }
    }

    private static List<Path> studies() throws IOException {
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("\nbase:");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
