package ablation.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background work on a real worker thread, its results on a "UI thread" the test drains: no FX toolkit. */
class BackgroundTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final Background background = new Background(worker, uiThread::add, unexpected::add);

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** Runs the next delivery the worker posted to the UI thread. */
    private void deliverNext() throws InterruptedException {
        Runnable delivery = uiThread.poll(10, TimeUnit.SECONDS);
        assertNotNull(delivery, "the worker delivered nothing to the UI thread");
        delivery.run();
    }

    @Test
    void anErrorReachesTheErrorHandlerAndTheAlertAndEndsThePendingWork() throws InterruptedException {
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        StackOverflowError error = new StackOverflowError("deep");
        background.run(
                () -> {
                    throw error;
                },
                result -> fail("no result expected"),
                handled::add);
        assertEquals(1, background.pendingProperty().get(), "the work is in flight");
        deliverNext();
        assertEquals(List.of(error), handled);
        assertEquals(List.of(error), unexpected, "an Error is also reported as unexpected (alert and log)");
        assertEquals(0, background.pendingProperty().get(), "the busy indicator goes off");
    }

    @Test
    void anExceptionGoesToTheErrorHandlerOnly() throws InterruptedException {
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        background.run(
                () -> {
                    throw new IllegalStateException("store is gone");
                },
                result -> fail("no result expected"),
                handled::add);
        deliverNext();
        assertEquals("store is gone", handled.get(0).getMessage());
        assertTrue(unexpected.isEmpty(), "the view model handles it: " + unexpected);
        assertEquals(0, background.pendingProperty().get());
    }

    @Test
    void aResultIsDeliveredOnTheUiThread() throws InterruptedException {
        List<Thread> deliveredOn = new CopyOnWriteArrayList<>();
        background.run(
                () -> 42,
                result -> {
                    assertEquals(42, result);
                    deliveredOn.add(Thread.currentThread());
                },
                e -> fail(e));
        deliverNext();
        assertSame(Thread.currentThread(), deliveredOn.get(0), "delivered by the UI executor, not the worker");
        assertEquals(0, background.pendingProperty().get());
    }

    @Test
    void workThatCannotStartIsNotLeftPending() {
        Background closed = new Background(
                task -> {
                    throw new RejectedExecutionException("shut down");
                },
                Runnable::run,
                unexpected::add);
        closed.run(() -> 1, r -> fail("not run"), e -> fail("not run"));
        assertEquals(0, closed.pendingProperty().get());
    }
}
