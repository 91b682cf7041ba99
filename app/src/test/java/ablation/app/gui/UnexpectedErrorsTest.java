package ablation.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Failures nothing else handled: logged once with their stack trace, shown once. No FX toolkit. */
class UnexpectedErrorsTest {
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final UnexpectedErrors errors = new UnexpectedErrors(Runnable::run);

    UnexpectedErrorsTest() {
        errors.alertWith(alerts::add);
    }

    @Test
    void aFailureReportedByTwoHandlersIsLoggedAndShownOnce() {
        IllegalStateException failure = new IllegalStateException("boom");
        String log = stderrOf(() -> {
            errors.accept(failure);
            errors.uncaughtException(Thread.currentThread(), failure);
        });
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(1, log.split("unexpected error in thread", -1).length - 1, "logged once: " + log);
        assertTrue(log.contains("at ablation.app.gui.UnexpectedErrorsTest"), "with its stack trace: " + log);
    }

    @Test
    void anExceptionUncaughtOnAnotherThreadIsShown() throws InterruptedException {
        Thread thread = new Thread(
                () -> {
                    throw new IllegalArgumentException("bad index");
                },
                "some-worker");
        thread.setUncaughtExceptionHandler(errors);
        stderrOf(() -> {
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).contains("IllegalArgumentException: bad index"), alerts.get(0));
    }

    @Test
    void aWorkbenchExceptionSpeaksForItself() {
        assertEquals("run 3 is finished", UnexpectedErrors.message(new WorkbenchException("run 3 is finished")));
    }

    /** What {@code action} wrote to standard error (where the test logger writes). */
    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
