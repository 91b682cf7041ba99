package ablation.app.gui;

import ablation.core.WorkbenchException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window does with a failure nothing else handled: an exception thrown on the FX thread
 * or any other thread, or an {@link Error} of background work. Each failure is logged once, with
 * its stack trace, and shown to the user in an alert (the user should not have to find the log to
 * learn that something broke).
 */
public final class UnexpectedErrors implements Thread.UncaughtExceptionHandler, Consumer<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

    private final Executor uiThread;
    /** Failures already reported: one passed on by several handlers is logged and shown once. */
    private final Set<Throwable> reported = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private volatile Consumer<String> alert = message -> {};

    /** @param uiThread where the alert is shown ({@code Platform::runLater} in the app) */
    public UnexpectedErrors(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /** Makes this the handler of every thread's uncaught exceptions, the FX thread's included. Call once. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(this));
    }

    /** Where the one-line message of each failure goes (an alert; until set, nowhere: it is still logged). */
    public void alertWith(Consumer<String> show) {
        alert = show;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        report(thread.getName(), e);
    }

    /** Reports a failure of the calling thread's work. */
    @Override
    public void accept(Throwable e) {
        report(Thread.currentThread().getName(), e);
    }

    private void report(String thread, Throwable e) {
        if (!reported.add(e)) return;
        LOG.error("unexpected error in thread {}", thread, e);
        String message = message(e);
        uiThread.execute(() -> alert.accept(message));
    }

    /** The line a user reads: a {@link WorkbenchException}'s own message, else the failure's type and message. */
    public static String message(Throwable e) {
        if (e instanceof WorkbenchException) return e.getMessage();
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return "Unexpected error (" + text + "). The window may show stale data; the log has the details.";
    }
}
