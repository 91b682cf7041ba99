package ablation.app.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs the services' work off the FX thread and hands results back on it. Any {@link Throwable}
 * of the work reaches its error handler, an {@link Error} also the window's handler of unexpected
 * failures (which alerts and logs it): no failure leaves work counted as pending. Counts the work
 * in flight ({@link #pendingProperty()}), so the status bar can show it and a screenshot can wait
 * for the window to settle.
 *
 * <p>Both executors are injected: the window uses a worker pool and {@link Platform#runLater},
 * view-model tests run everything on the calling thread, with no FX toolkit.
 */
public final class Background implements AutoCloseable {
    private final Executor workers;
    private final Executor uiThread;
    private final Consumer<Throwable> unexpected;
    private final Runnable shutdown;
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");

    /**
     * @param workers where the work runs
     * @param uiThread where the results are delivered (the FX thread in the app)
     * @param unexpected told of every {@link Error} the work throws, after its error handler
     */
    public Background(Executor workers, Executor uiThread, Consumer<Throwable> unexpected) {
        this(workers, uiThread, unexpected, () -> {});
    }

    private Background(Executor workers, Executor uiThread, Consumer<Throwable> unexpected, Runnable shutdown) {
        this.workers = workers;
        this.uiThread = uiThread;
        this.unexpected = unexpected;
        this.shutdown = shutdown;
    }

    /** Two daemon worker threads, results on the FX thread. */
    public static Background onFxThread(Consumer<Throwable> unexpected) {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "workbench-gui-worker");
            thread.setDaemon(true);
            return thread;
        });
        return new Background(pool, Platform::runLater, unexpected, () -> {
            pool.shutdownNow();
            try {
                pool.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Computes {@code work} on a worker, then calls {@code onResult} or {@code onError} on the UI
     * thread. Call from the UI thread.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        hold();
        try {
            workers.execute(() -> {
                try {
                    T result = work.get();
                    uiThread.execute(() -> deliver(() -> onResult.accept(result)));
                } catch (Throwable e) { // an Error too: the pending count must come down, the user must hear of it
                    uiThread.execute(() -> deliver(() -> fail(e, onError)));
                }
            });
        } catch (RejectedExecutionException closed) {
            release();
        }
    }

    private void fail(Throwable e, Consumer<Throwable> onError) {
        try {
            onError.accept(e);
        } finally {
            if (e instanceof Error) unexpected.accept(e);
        }
    }

    /** Runs {@code action} on the UI thread: for what a service reports from its own threads. */
    public void onUiThread(Runnable action) {
        uiThread.execute(action);
    }

    /** Marks work that has not started yet (a debounce delay): the window is not settled. UI thread. */
    public void hold() {
        pending.set(pending.get() + 1);
    }

    /** Ends what {@link #hold()} began. UI thread. */
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
        shutdown.run();
    }
}
