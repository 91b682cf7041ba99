package ablation.app.gui;

import static ablation.app.gui.GuiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A failure no code handled, on the FX thread or another: the window alerts and says it in the status line. */
@ExtendWith(ApplicationExtension.class)
class UncaughtErrorsWindowTest {
    @TempDir
    Path dir;

    private GuiTestSupport.FakeDialogs dialogs;
    private WorkbenchWindow window;
    private Thread.UncaughtExceptionHandler previousDefault;
    private Thread.UncaughtExceptionHandler previousFx;

    @Start
    void start(Stage stage) {
        dialogs = new GuiTestSupport.FakeDialogs(dir);
        UnexpectedErrors errors = new UnexpectedErrors(Platform::runLater);
        GuiServices services = GuiTestSupport.services(
                dialogs, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        window = WorkbenchWindow.create(services, WindowState.INITIAL, java.time.Duration.ofMillis(40), errors);
        window.start(Optional.empty(), Section.STUDIES);
        window.show(stage, s -> {});
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        previousFx = Thread.currentThread().getUncaughtExceptionHandler();
        errors.install();
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(previousFx);
            window.close();
        });
    }

    @Test
    void anExceptionOnTheFxThreadIsAlertedAndShownInTheStatusLine(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> {
            throw new IllegalStateException("a bug in a listener");
        });
        waitUntil("the alert", () -> dialogs.errors.size() == 1);
        assertTrue(dialogs.errors.get(0).contains("IllegalStateException: a bug in a listener"), dialogs.errors.get(0));
        waitUntil(
                "the status line",
                () -> robot.lookup("#status").queryAs(Label.class).getText().equals(dialogs.errors.get(0)));
    }

    @Test
    void anExceptionOnAnotherThreadIsAlertedToo() throws InterruptedException {
        Thread thread = new Thread(
                () -> {
                    throw new ArithmeticException("/ by zero");
                },
                "some-thread");
        thread.start();
        thread.join();
        waitUntil("the alert", () -> dialogs.errors.size() == 1);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("ArithmeticException: / by zero"), dialogs.errors.get(0));
    }
}
