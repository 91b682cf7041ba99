package ablation.app.gui;

import ablation.core.WorkbenchException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Starts JavaFX from a plain main class (JavaFX on the class path, which works though JavaFX warns
 * about it: the warning is silenced here) and either runs the window until it closes, or renders
 * one view to a PNG file headless (Monocle, software rendering: no display needed).
 */
public final class GuiLauncher {
    /** Kept so the logger, and the level set on it, are not garbage collected. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private static final java.time.Duration EDIT_DEBOUNCE = java.time.Duration.ofMillis(250);
    private static final long SETTLE_TIMEOUT_SECONDS = 60;

    private GuiLauncher() {}

    /**
     * Shows the main window and returns when it is closed.
     *
     * @param study a study file to open in the composer
     * @param storedStudy a study known only to the tracking store, shown in the runs, compare and lessons views
     */
    public static void run(
            GuiServices services,
            WindowStateStore stateStore,
            Optional<Path> study,
            Optional<String> storedStudy,
            Optional<Section> view)
            throws InterruptedException {
        startToolkit();
        CountDownLatch closed = new CountDownLatch(1);
        UnexpectedErrors errors = new UnexpectedErrors(Platform::runLater);
        errors.install();
        Platform.runLater(() -> {
            WindowState state = stateStore.load();
            WorkbenchWindow window = WorkbenchWindow.create(services, state, EDIT_DEBOUNCE, errors);
            window.start(study, view.orElse(sectionOf(state)));
            storedStudy.ifPresent(window.model().studyProperty()::set);
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            window.show(stage, stateStore::save);
        });
        closed.await();
        Platform.exit();
    }

    /**
     * Renders {@code view} (with {@code study} open) at {@code width} × {@code height} to a PNG,
     * once the background work (study listing, grid preview) has settled.
     */
    public static void screenshot(
            GuiServices services,
            Optional<Path> study,
            Optional<String> storedStudy,
            Section view,
            Path png,
            int width,
            int height)
            throws InterruptedException {
        startHeadless(width, height);
        CompletableFuture<BufferedImage> image = new CompletableFuture<>();
        UnexpectedErrors errors = new UnexpectedErrors(Platform::runLater);
        errors.install();
        Platform.runLater(() -> {
            WindowState state = WindowState.INITIAL.withBounds(0, 0, width, height, false);
            WorkbenchWindow window = WorkbenchWindow.create(services, state, java.time.Duration.ofMillis(1), errors);
            window.start(study, view);
            storedStudy.ifPresent(window.model().studyProperty()::set);
            Stage stage = new Stage();
            window.show(stage, s -> {});
            whenSettled(window, 0, () -> {
                Scene scene = stage.getScene();
                WritableImage snapshot = scene.snapshot(null);
                image.complete(SwingFXUtils.fromFXImage(snapshot, null));
                window.close();
                stage.close();
            });
        });
        try {
            BufferedImage rendered = image.get(SETTLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(rendered, "png", png.toFile())) throw new WorkbenchException("no PNG writer available");
        } catch (ExecutionException | TimeoutException e) {
            throw new WorkbenchException("could not render the " + view.cliName() + " view: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write " + png + ": " + e.getMessage(), e);
        } finally {
            Platform.exit();
        }
    }

    /** Starts JavaFX without a display: Monocle's headless screen, software rendering. */
    static void startHeadless(int width, int height) throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
        startToolkit();
    }

    /** Calls {@code then} once no background work has been pending for a few frames. */
    private static void whenSettled(WorkbenchWindow window, int quietChecks, Runnable then) {
        PauseTransition pause = new PauseTransition(Duration.millis(100));
        pause.setOnFinished(e -> {
            int quiet = window.model().background().pendingProperty().get() == 0 ? quietChecks + 1 : 0;
            if (quiet >= 3) then.run();
            else whenSettled(window, quiet, then);
        });
        pause.play();
    }

    private static Section sectionOf(WindowState state) {
        try {
            return Section.fromCliName(state.lastView());
        } catch (WorkbenchException e) {
            return Section.STUDIES;
        }
    }

    private static void startToolkit() throws InterruptedException {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (UnsupportedOperationException e) {
            throw new WorkbenchException("cannot open a window (" + e.getMessage() + "): run it on a desktop session, "
                    + "or render a view headless with --screenshot FILE --view NAME");
        }
        Platform.setImplicitExit(false);
        started.await();
    }
}
