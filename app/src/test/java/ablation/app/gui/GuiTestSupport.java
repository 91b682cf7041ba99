package ablation.app.gui;

import static org.junit.jupiter.api.Assertions.fail;

import ablation.app.gui.compare.CompareSource;
import ablation.app.gui.composer.StudyLauncher;
import ablation.app.gui.lessons.LessonSource;
import ablation.app.gui.runs.RunsSource;
import ablation.app.gui.studies.FileStudyCatalog;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Builds a window on fakes (dialogs answered in a temp directory, a recording launcher) and waits for it. */
public final class GuiTestSupport {
    /** The minimal lesson templates of the test resources. */
    public static final Path SAMPLES = resource("samples");

    private GuiTestSupport() {}

    /** Answers the window's questions without dialogs: saves into {@code directory}, opens {@link #toOpen}. */
    public static final class FakeDialogs implements Dialogs {
        private final Path directory;
        public Path toOpen;
        public final List<String> saveRequests = new ArrayList<>();

        public FakeDialogs(Path directory) {
            this.directory = directory;
        }

        @Override
        public Optional<Path> chooseStudyToOpen(Window owner) {
            return Optional.ofNullable(toOpen);
        }

        @Override
        public Optional<Path> chooseStudyToSave(Window owner, String suggestedName) {
            saveRequests.add(suggestedName);
            return Optional.of(directory.resolve(suggestedName));
        }

        @Override
        public boolean confirmDiscard(Window owner, String study) {
            return true;
        }

        /** The messages of the error alerts the window showed. */
        public final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void showError(Window owner, String message) {
            errors.add(message);
        }

        /** {@code <directory>/report-<study>}. */
        @Override
        public Optional<Path> chooseReportDirectory(Window owner, String study) {
            return Optional.of(directory.resolve("report-" + study));
        }
    }

    /** Records what it was asked to launch. */
    public static final class RecordingLauncher implements StudyLauncher {
        public final List<Path> launched = new ArrayList<>();

        @Override
        public synchronized String launch(ablation.core.spec.AblationSpec spec, Path studyFile) {
            launched.add(studyFile);
            return "queued " + spec.name();
        }
    }

    public static GuiServices services(
            Dialogs dialogs,
            Optional<StudyLauncher> launcher,
            Optional<RunsSource> runs,
            Optional<CompareSource> compare,
            Optional<LessonSource> lessons) {
        return new GuiServices(
                new FileStudyCatalog(SAMPLES, List.of()), dialogs, launcher, runs, compare, lessons, "test", 1e10);
    }

    public static WorkbenchWindow window(GuiServices services) {
        return WorkbenchWindow.create(
                services,
                WindowState.INITIAL,
                java.time.Duration.ofMillis(40),
                new UnexpectedErrors(Platform::runLater));
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, java.time.Duration.ofSeconds(20), condition);
    }

    /** Waits at most {@code timeout} until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitUntil(String what, java.time.Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS)) return;
                Thread.sleep(25);
            } catch (Exception e) {
                throw new AssertionError("while waiting for " + what, e);
            }
        }
        fail("timed out waiting for " + what);
    }

    /**
     * The node matching {@code query} once it is in the scene graph: a view's controls inside a
     * split pane or tab join it only after the next layout pass.
     */
    public static <T extends javafx.scene.Node> T await(org.testfx.api.FxRobot robot, String query, Class<T> type) {
        waitUntil(query + " in the scene", () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }

    /** Waits until the window has no background work and the composer's preview shows the last edit. */
    public static void settle(WorkbenchWindow window) {
        waitUntil(
                "the window to settle",
                () -> window.model().background().pendingProperty().get() == 0
                        && window.model().composer().previewCurrentProperty().get());
    }

    private static Path resource(String name) {
        try {
            return Path.of(GuiTestSupport.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
