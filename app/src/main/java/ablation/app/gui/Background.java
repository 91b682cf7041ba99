package ablation.app.gui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs the services' work off the FX thread and hands results back on it. Counts the work in
 * flight ({@link #pendingProperty()}), so the status bar can show it and a screenshot can wait for
 * the window to settle.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "workbench-gui-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");

    /**
     * Computes {@code work} on a worker thread, then calls {@code onResult} or {@code onError} on
     * the FX thread. Call from the FX thread.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onResult, Consumer<RuntimeException> onError) {
        hold();
        executor.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> deliver(() -> onResult.accept(result)));
            } catch (RuntimeException e) {
                Platform.runLater(() -> deliver(() -> onError.accept(e)));
            }
        });
    }

    /** Marks work that has not started yet (a debounce delay): the window is not settled. FX thread. */
    public void hold() {
        pending.set(pending.get() + 1);
    }

    /** Ends what {@link #hold()} began. FX thread. */
    public void release() {
        pending.set(pending.get() - 1);
    }

    private void deliver(Runnable action) {
        try {
            action.run();
        } finally {
            release();
        }
    }

    /** Tasks started or awaiting their result; 0 when the window shows everything it will show. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
