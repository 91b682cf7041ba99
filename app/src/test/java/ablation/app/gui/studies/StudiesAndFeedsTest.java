package ablation.app.gui.studies;

import static ablation.app.gui.GuiTestSupport.settle;
import static ablation.app.gui.GuiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.FeedViewModel;
import ablation.app.gui.GuiTestSupport;
import ablation.app.gui.Section;
import ablation.app.gui.WindowState;
import ablation.app.gui.WorkbenchWindow;
import ablation.app.gui.lessons.LessonCard;
import ablation.app.gui.lessons.LessonSource;
import ablation.app.gui.runs.RunRow;
import ablation.app.gui.runs.RunsSource;
import ablation.core.stats.LossBand;
import ablation.reports.export.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studies list, templates, and the store-fed views with and without a store. */
@ExtendWith(ApplicationExtension.class)
class StudiesAndFeedsTest {
    private static final Map<String, List<RunRow>> RUNS = Map.of(
            "lesson2-infill",
            List.of(
                    new RunRow(1, "fim=0,seed=1", "finished", 97, 97, 2.31, null, Instant.EPOCH, null),
                    new RunRow(
                            2,
                            "fim=0.5,seed=1",
                            "running",
                            40,
                            97,
                            3.02,
                            Duration.ofSeconds(90),
                            Instant.EPOCH,
                            null)));

    /** Runs from {@link #RUNS}; no curves; the actions are not used here. */
    private static final class FakeRuns implements RunsSource {
        @Override
        public List<RunRow> runs(String study) {
            return RUNS.getOrDefault(study, List.of());
        }

        @Override
        public List<LossBand> loss(List<RunRow> runs, int maxPoints) {
            return List.of();
        }

        @Override
        public void cancel(RunRow run) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String retry(String study, RunRow run) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String log(String study, RunRow run) {
            return "";
        }
    }

    @TempDir
    Path dir;

    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        LessonSource lessons = new LessonSource() {
            @Override
            public List<LessonCard> lessons(String study) {
                return RUNS.containsKey(study)
                        ? List.of(new LessonCard(
                                2,
                                "Infill is not a free lunch",
                                "Adding infill costs L2R.",
                                "L2R pass@1 -0.011 [-0.030, -0.002]",
                                "about -1 point",
                                "supports",
                                "the interval of clm+fim - clm lies below 0",
                                null))
                        : List.of();
            }

            @Override
            public List<Path> export(String study, Path directory, Set<Format> formats) {
                throw new UnsupportedOperationException();
            }
        };
        window = GuiTestSupport.window(GuiTestSupport.services(
                new GuiTestSupport.FakeDialogs(dir),
                Optional.empty(),
                Optional.of(new FakeRuns()),
                Optional.empty(),
                Optional.of(lessons)));
        window.start(Optional.empty(), Section.STUDIES);
        window.show(stage, saved::add);
    }

    private final List<WindowState> saved = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(window::close);
    }

    @Test
    void listsSamplesWithRunCountsAndOpensOneInTheComposer(FxRobot robot) {
        waitUntil("the studies", () -> window.model().studies().studies().size() == 4);
        List<StudyEntry> studies = window.model().studies().studies();
        StudyEntry broken = studies.stream()
                .filter(s -> s.name().equals("broken"))
                .findFirst()
                .orElseThrow();
        assertFalse(broken.valid());
        assertTrue(broken.status().contains("model.d_model = 100"), broken.status());
        StudyEntry lesson1 = studies.stream()
                .filter(s -> s.name().equals("lesson1-prefix-lm"))
                .findFirst()
                .orElseThrow();
        assertEquals(4, lesson1.runs(), "2 architectures x 2 seeds");
        assertEquals(StudyEntry.Origin.TEMPLATE, lesson1.origin());
        StudyEntry runConfig = studies.stream()
                .filter(s -> s.name().equals("tiny-train"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                StudyEntry.Origin.RUN_TEMPLATE, runConfig.origin(), "a run config is a template, not an invalid study");
        assertEquals("ready", runConfig.status());
        assertEquals(1, runConfig.runs(), "one run per seed, no axes");
        assertEquals(3, window.model().studies().templates().size(), "two lesson templates and the run config");

        robot.doubleClickOn("lesson1-prefix-lm");
        settle(window);
        assertEquals(Section.COMPOSER, window.model().sectionProperty().get());
        assertEquals(
                "lesson1-prefix-lm", window.model().composer().nameProperty().get());
        assertEquals(4, window.model().composer().previewRows().size());
        assertEquals(
                "lesson1-prefix-lm", window.model().studyProperty().get(), "the runs views follow the opened study");
    }

    @Test
    void aRunConfigOpensAsTheBaseOfANewUnsavedStudy(FxRobot robot) {
        waitUntil(
                "the run template",
                () -> window.model().studies().studies().stream()
                        .anyMatch(s -> s.name().equals("tiny-train")));
        robot.clickOn("tiny-train").push(KeyCode.ENTER);
        settle(window);
        assertEquals(Section.COMPOSER, window.model().sectionProperty().get());
        var composer = window.model().composer();
        assertEquals("tiny-train", composer.nameProperty().get());
        assertEquals(null, composer.fileProperty().get(), "the run config is not overwritten: a new study");
        assertTrue(composer.dirtyProperty().get());
        assertEquals("32", composer.field("model.d_model").textProperty().get(), "the run config is the base");
        assertEquals(1, composer.previewRows().size(), "no axes yet: one run per seed");
    }

    @Test
    void quittingSavesWhereTheWindowWasAndWhatItShowed(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil("the window state", () -> !saved.isEmpty());
        WindowState state = saved.get(saved.size() - 1);
        assertEquals("compare", state.lastView());
        assertTrue(state.width() >= 400 && !Double.isNaN(state.x()), state.toString());
        robot.interact(() -> assertFalse(
                robot.listTargetWindows().stream()
                        .anyMatch(w -> w.isShowing()
                                && w.getScene() != null
                                && w.getScene().lookup("#navigation") != null),
                "the window closed"));
    }

    @Test
    void runsViewShowsTheStudysRunsOrSaysThereAreNone(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        Label empty = robot.lookup("#empty-state").queryAs(Label.class);
        waitUntil("the empty state", () -> FeedViewModel.NO_STUDY.equals(empty.getText()) && empty.isVisible());

        robot.interact(() -> window.model().studyProperty().set("lesson2-infill"));
        TableView<?> table = robot.lookup("#runs").queryAs(TableView.class);
        waitUntil("the runs", () -> table.getItems().size() == 2 && !empty.isVisible());
        assertTrue(robot.lookup("40/97 (41%)").tryQuery().isPresent(), "progress of the running run");
        assertTrue(robot.lookup("1 min 30 s").tryQuery().isPresent(), "time left of the running run");

        robot.interact(() -> window.model().studyProperty().set("never-launched"));
        waitUntil("no runs", () -> FeedViewModel.NO_RUNS.equals(empty.getText()) && empty.isVisible());
        Node compare = robot.lookup("#empty-state").queryAll().stream()
                .filter(Node::isVisible)
                .findFirst()
                .orElseThrow();
        assertEquals(FeedViewModel.NO_RUNS, ((Label) compare).getText());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil(
                "the compare view without a store",
                () -> robot.lookup("#empty-state").queryAll().stream()
                        .anyMatch(n -> n.isVisible() && FeedViewModel.NO_STORE.equals(((Label) n).getText())));

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        robot.interact(() -> window.model().studyProperty().set("lesson2-infill"));
        waitUntil(
                "the lesson card",
                () -> robot.lookup(".verdict-supports")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        assertTrue(
                robot.lookup("Lesson 2: Infill is not a free lunch").tryQuery().isPresent());
    }
}
