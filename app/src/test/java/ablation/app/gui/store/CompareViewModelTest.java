package ablation.app.gui.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.Background;
import ablation.app.gui.compare.CompareViewModel;
import ablation.app.gui.compare.RunGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare view model on the fixture store, without a window, a robot or the FX toolkit. */
class CompareViewModelTest {
    @TempDir
    Path dir;

    private StoreFixture fixture;
    private final List<String> status = new ArrayList<>();
    private final SimpleStringProperty study = new SimpleStringProperty();
    private CompareViewModel model;

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(dir);
        Background background = new Background(Runnable::run, Runnable::run, e -> {
            throw new AssertionError(e);
        });
        model = new CompareViewModel(Optional.of(new StoreComparison(fixture.store)), background, study, status::add);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void armsAreTheCellsNamedByTheirAxisLabelsWithTheirConfigsAsDetails() {
        model.setActive(true);
        study.set(StoreFixture.STUDY);
        assertEquals(List.of(), status, "nothing failed");
        assertEquals(
                List.of("fim=0", "fim=0.5"),
                model.groups().stream().map(RunGroup::label).toList());
        assertEquals(
                List.of("fim=0", "fim=0.5"),
                model.comparisonProperty().get().rows().stream()
                        .map(r -> r.get(0))
                        .toList(),
                "the table names the arms as the legend does");
        assertTrue(
                model.armDetails("fim=0.5 (2 seeds)").orElseThrow().contains("\nobjective.fim = 0.5"),
                "a chart series' key finds its arm's config");
        assertEquals(Optional.empty(), model.armDetails("objective.fim=0.5"));

        model.modeProperty().set(CompareViewModel.Mode.PICK);
        assertEquals(CompareViewModel.PICK_RUNS, model.hintProperty().get());
        model.picked().add(model.runs().get(0).id());
        model.picked().add(model.runs().get(1).id());
        assertEquals(2, model.comparisonProperty().get().rows().size());
        assertEquals(null, model.hintProperty().get());
    }
}
