package ablation.engine.train;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the JVM's exit (SIGTERM, Ctrl-C) from tearing libtorch down while a training step is inside
 * PyTorch: exiting then runs libtorch's static destructors under the running backward pass and the
 * process dies with SIGSEGV in {@code at::accelerator::getAccelerator} (from
 * {@code PtGradientCollector.backward}) instead of exiting. A shutdown hook waits for the current
 * step (and its checkpoint) to end and keeps the next one from starting; the JVM then exits as it
 * would have, between steps. A step longer than {@link #MAX_WAIT_SECONDS} is not waited for.
 */
final class ExitGate implements AutoCloseable {
    static final int MAX_WAIT_SECONDS = 30;

    private final Semaphore step = new Semaphore(1);
    private final Thread hook = new Thread(this::holdNextStep, "training-exit-gate");

    ExitGate() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Before a step: blocks for good once the JVM is exiting. */
    void enter() {
        step.acquireUninterruptibly();
    }

    /** After a step. */
    void leave() {
        step.release();
    }

    /** What the shutdown hook does: waits out the running step and keeps the permit. */
    void holdNextStep() {
        try {
            step.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting and the hook is running or has run: nothing to undo
        }
    }
}
