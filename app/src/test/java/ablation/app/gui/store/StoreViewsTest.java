package ablation.app.gui.store;

import static ablation.app.gui.GuiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.GuiTestSupport;
import ablation.app.gui.Section;
import ablation.app.gui.WorkbenchWindow;
import ablation.app.gui.compare.CompareRun;
import ablation.app.gui.compare.CompareViewModel;
import ablation.app.gui.compare.ConfigDiff;
import ablation.app.gui.compare.RunGroup;
import ablation.app.gui.runs.RunRow;
import ablation.app.gui.studies.FileStudyCatalog;
import ablation.app.gui.studies.StudyEntry;
import ablation.storage.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studies, runs, compare and lessons views on a store filled by the test (no training). The
 * store is filled once; only the first test changes it (it cancels the queued run, after checking
 * the study's progress).
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreViewsTest {
    @TempDir
    static Path dir;

    private static StoreFixture fixture;
    private WorkbenchWindow window;

    @BeforeAll
    static void fill() throws Exception {
        fixture = new StoreFixture(dir.resolve("studies"));
    }

    @AfterAll
    static void closeStore() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        var services = fixture.services.services(
                new FileStudyCatalog(GuiTestSupport.SAMPLES, List.of()), new GuiTestSupport.FakeDialogs(dir), 1e10);
        window = GuiTestSupport.window(services);
        window.start(Optional.empty(), Section.STUDIES);
        window.show(stage, s -> {});
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(window::close);
    }

    @Test
    @Order(1)
    void studiesListTheStoresStudyWithItsProgressAndOpenItsRuns(FxRobot robot) {
        waitUntil(
                "the stored study",
                () -> window.model().studies().studies().stream()
                        .anyMatch(s -> s.name().equals(StoreFixture.STUDY)));
        StudyEntry stored = window.model().studies().studies().stream()
                .filter(s -> s.name().equals(StoreFixture.STUDY))
                .findFirst()
                .orElseThrow();
        assertEquals(StudyEntry.Origin.STORE, stored.origin());
        assertEquals("5/6 finished, 1 queued", stored.status());

        robot.doubleClickOn(StoreFixture.STUDY);
        waitUntil("the runs view", () -> window.model().sectionProperty().get() == Section.RUNS);
        TableView<?> table = GuiTestSupport.await(robot, "#runs", TableView.class);
        waitUntil("the six runs", () -> table.getItems().size() == 6);
        assertTrue(
                robot.lookup(StoreFixture.STEPS + "/" + StoreFixture.STEPS + " (100%)")
                        .tryQuery()
                        .isPresent(),
                "a finished run's progress");
        waitUntil(
                "the loss curves of the runs that trained",
                () -> window.model().runs().curves().size() == 5);
        assertTrue(
                window.model().runs().curves().stream().allMatch(c -> c.tokens().length == StoreFixture.STEPS),
                "500 steps, under 1000 points: every step");
        assertEquals(
                StoreFixture.STEPS * 4 * 32,
                (long) window.model().runs().curves().get(0).tokens()[(int) StoreFixture.STEPS - 1],
                "x is training tokens: step x batch x context");

        String queued = "fim=0.5,seed=3";
        robot.clickOn(queued);
        waitUntil(
                "the queued run selected",
                () -> window.model().runs().selected().size() == 1
                        && window.model().runs().selected().get(0).name().equals(queued));
        waitUntil(
                "no curve: the selected run has not started",
                () -> window.model().runs().curves().isEmpty());
        robot.clickOn("#cancel-run");
        waitUntil(
                "the run cancelled",
                () -> table.getItems().stream()
                        .map(RunRow.class::cast)
                        .anyMatch(r -> r.name().equals(queued) && r.status().equals("cancelled")));
        assertEquals(RunStatus.CANCELLED, fixture.run(queued).status());

        List<String> statusLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> window.model().statusProperty().addListener((obs, old, now) -> statusLines.add(now)));
        robot.clickOn("#retry-run");
        waitUntil("the cancelled run handed back", () -> fixture.run(queued).status() == RunStatus.RUNNING);
        waitUntil(
                "the status line",
                () -> statusLines.stream()
                        .anyMatch(l -> l.startsWith(
                                "Handed " + queued + " back to its study: it resumes from its last checkpoint")));
        // cancelled again, so the study's executor ends before it starts a worker on it
        robot.clickOn("#cancel-run");
        waitUntil("the run cancelled again", () -> fixture.run(queued).status() == RunStatus.CANCELLED);
    }

    @Test
    @Order(2)
    void compareTwoPickedRunsShowsOnlyTheFieldsThatDiffer(FxRobot robot) {
        robot.interact(() -> window.model().studyProperty().set(StoreFixture.STUDY));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        CompareViewModel compare = window.model().compare();
        waitUntil("the cells compared", () -> compare.comparisonProperty().get() != null);
        assertEquals(2, compare.groups().size(), "two grid cells, seeds pooled");
        assertEquals(
                List.of("Arm", "Finished", "Final loss", "desk-l2r l2r pass@1", "desk-l2r l2r pass@10"),
                compare.comparisonProperty().get().header());
        List<String> fimRow = compare.comparisonProperty().get().rows().get(1);
        assertEquals("2/3", fimRow.get(1), "two of the fim=0.5 seeds finished");
        assertTrue(fimRow.get(3).startsWith("0.600 ["), "pass@1 of the fim arm with its interval: " + fimRow);
        assertEquals(2, compare.charts().size(), "loss curves and pass@k");
        assertEquals(
                List.of("fim=0", "fim=0.5"),
                compare.groups().stream().map(RunGroup::label).toList(),
                "arms named by the study's axis labels");
        assertEquals("fim=0", fimRow0(compare), "the metrics table names the arm the same way");
        var loss = compare.charts().get(0);
        assertEquals("fim=0 (3 seeds)", loss.getXYPlot().getDataset().getSeriesKey(0), "so does the legend");
        var renderer = (org.jfree.chart.renderer.xy.AbstractXYItemRenderer)
                loss.getXYPlot().getRenderer();
        waitUntil("the legend's tooltips", () -> renderer.getLegendItemToolTipGenerator() != null);
        String tooltip = renderer.getLegendItemToolTipGenerator()
                .generateLabel(loss.getXYPlot().getDataset(), 1);
        assertTrue(tooltip.startsWith("fim=0.5\nruns: ") && tooltip.contains("fim=0.5,seed=3"), tooltip);
        assertTrue(tooltip.contains("\nobjective.fim = 0.5\n"), "the full config: " + tooltip);
        ConfigDiff cells = compare.diffProperty().get();
        assertEquals(
                List.of("objective.clm", "objective.fim"),
                cells.fields(),
                "the seeds are pooled, so they do not differ");

        robot.interact(() -> compare.modeProperty().set(CompareViewModel.Mode.PICK));
        robot.clickOn(checkBox(robot, "fim=0,seed=1 (finished)"));
        robot.clickOn(checkBox(robot, "fim=0.5,seed=2 (finished)"));
        waitUntil(
                "the two runs compared",
                () -> compare.diffProperty().get() != null
                        && compare.diffProperty().get().arms().size() == 2);
        ConfigDiff picked = compare.diffProperty().get();
        assertEquals(List.of("objective.clm", "objective.fim", "train.seed"), picked.fields());
        assertEquals(List.of(List.of("1", "0.5"), List.of("0", "0.5"), List.of("1", "2")), picked.values());
        waitUntil(
                "the table of the picked runs",
                () -> GuiTestSupport.await(robot, "#config-diff", TableView.class)
                                .getItems()
                                .size()
                        == 3);
        List<CompareRun> runs = compare.runs();
        assertEquals(6, runs.size());
    }

    @Test
    @Order(3)
    void lessonsShowTheVerdictWithTheChartAndExportTheReport(FxRobot robot) {
        robot.interact(() -> window.model().studyProperty().set(StoreFixture.STUDY));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitUntil(
                "the lesson card",
                () -> robot.lookup(".verdict")
                        .tryQuery()
                        .map(n -> n.isVisible())
                        .orElse(false));
        Label verdict = robot.lookup(".verdict").queryAs(Label.class);
        assertEquals("supports", verdict.getText(), "pass@1 drops from 0.9 to 0.6 with fim");
        assertTrue(
                robot.lookup("Lesson 2: Infill is not a free lunch").tryQuery().isPresent());
        assertTrue(labelStartingWith(robot, "Paper: about -1 point"), "the paper's figure");
        assertTrue(
                labelStartingWith(robot, "Ours: (fim=0.5 - fim=0) L2R pass@1"), "our measurement names the comparison");
        assertNotNull(
                robot.lookup(n -> n instanceof ChartViewer v && v.getChart() != null)
                        .tryQuery()
                        .orElse(null),
                "the lesson's chart");

        MenuButton export = robot.lookup("#export-report").queryAs(MenuButton.class);
        assertFalse(export.isDisabled());
        robot.clickOn(export).clickOn("HTML (self-contained)");
        Path html = dir.resolve("report-" + StoreFixture.STUDY).resolve("report.html");
        waitUntil("the report", () -> Files.isRegularFile(html));
        waitUntil(
                "the status line",
                () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("Wrote report.html"));
    }

    private static String fimRow0(CompareViewModel compare) {
        return compare.comparisonProperty().get().rows().get(0).get(0);
    }

    private static boolean labelStartingWith(FxRobot robot, String prefix) {
        return robot.lookup(n -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().startsWith(prefix))
                .tryQuery()
                .isPresent();
    }

    /** The check box of the run picker's line for a run. */
    private static Node checkBox(FxRobot robot, String line) {
        return robot.lookup("#run-picker")
                .lookup((Node n) -> n instanceof ListCell<?> c && line.equals(c.getText()))
                .queryAs(ListCell.class)
                .getGraphic();
    }
}
