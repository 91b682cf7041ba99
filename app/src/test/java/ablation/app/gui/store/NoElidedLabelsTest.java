package ablation.app.gui.store;

import static ablation.app.gui.GuiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.app.gui.GuiTestSupport;
import ablation.app.gui.Section;
import ablation.app.gui.UnexpectedErrors;
import ablation.app.gui.WindowState;
import ablation.app.gui.WorkbenchWindow;
import ablation.app.gui.studies.FileStudyCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view at 1280 × 800 (the README's screenshot size, a common laptop screen) on a study with
 * data: no label, button or column title shows its text cut to "…". The composer shows the quick
 * study of the sample configs, the store-fed views the fixture study.
 */
@ExtendWith(ApplicationExtension.class)
class NoElidedLabelsTest {
    private static final Path QUICK_STUDY = Path.of("..", "sample-configs", "five-lessons-quick.yaml");

    @TempDir
    static Path dir;

    private static StoreFixture fixture;
    private WorkbenchWindow window;
    private Stage stage;

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
        this.stage = stage;
        var services = fixture.services.services(
                new FileStudyCatalog(GuiTestSupport.SAMPLES, List.of()), new GuiTestSupport.FakeDialogs(dir), 1e10);
        window = WorkbenchWindow.create(
                services,
                WindowState.INITIAL.withBounds(0, 0, 1280, 800, false),
                java.time.Duration.ofMillis(1),
                new UnexpectedErrors(Platform::runLater));
        window.start(Optional.of(QUICK_STUDY), Section.STUDIES);
        window.show(stage, s -> {});
        stage.sizeToScene(); // the stage is shared between the test classes: another may have resized it
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(window::close);
    }

    @Test
    void noViewCutsALabelAt1280By800(FxRobot robot) {
        robot.interact(() -> {
            Scene scene = stage.getScene();
            assertEquals(1280, scene.getWidth(), 0.5);
            assertEquals(800, scene.getHeight(), 0.5);
        });
        List<String> elided = new ArrayList<>();
        for (Section section : Section.values()) {
            robot.interact(() -> {
                window.model().sectionProperty().set(section);
                if (section != Section.COMPOSER) window.model().studyProperty().set(StoreFixture.STUDY);
            });
            GuiTestSupport.settle(window);
            waitUntil("the " + section.cliName() + " view's data", () -> switch (section) {
                case RUNS -> !window.model().runs().rows().items().isEmpty();
                case COMPARE -> window.model().compare().comparisonProperty().get() != null;
                case LESSONS -> !window.model().lessons().items().isEmpty();
                default -> true;
            });
            WaitForAsyncUtils.waitForFxEvents(5);
            robot.interact(() -> {
                Parent root = stage.getScene().getRoot();
                root.applyCss();
                root.layout();
                collectElided(root, section, elided);
            });
        }
        assertEquals(List.of(), elided, "labels cut at 1280 x 800");
    }

    /** Visible labeled nodes whose rendered text differs from their text (table and list cells hold data: left out). */
    private static void collectElided(Node node, Section section, List<String> elided) {
        if (!node.isVisible() || node instanceof IndexedCell<?>) return;
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isEmpty()) {
            String shown = labeled.getChildrenUnmodifiable().stream()
                    .filter(Text.class::isInstance)
                    .map(t -> ((Text) t).getText())
                    .findFirst()
                    .orElse(labeled.getText());
            if (!shown.equals(labeled.getText())) {
                elided.add(section.cliName() + ": '" + labeled.getText() + "' shown as '" + shown + "'");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) collectElided(child, section, elided);
        }
    }
}
