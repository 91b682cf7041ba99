package ablation.engine.train;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the JVM from ending while a thread is inside libtorch. When the JVM exits (SIGTERM, Ctrl-C,
 * {@code System.exit}, {@code Runtime.halt}) the C library runs libtorch's static destructors; a
 * thread still inside a torch call (a backward pass, say) then reads freed globals and the process
 * dies with SIGSEGV in {@code libtorch_cpu.so} instead of exiting. Torch work therefore runs in
 * sections; on exit a shutdown hook waits for the section in progress to end and lets no new one
 * start, so the process exits between two sections.
 */
public final class NativeWork {
    /** How long an exit waits for the section in progress (one training step, one checkpoint). */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeGate(EXIT_WAIT), "native-work-exit"));
    }

    private NativeWork() {}

    /** Runs a section of torch work; blocks for good once the JVM has begun to exit. */
    public static <T> T call(Supplier<T> section) {
        GATE.readLock().lock();
        try {
            return section.get();
        } finally {
            GATE.readLock().unlock();
        }
    }

    public static void run(Runnable section) {
        call(() -> {
            section.run();
            return null;
        });
    }

    /**
     * Ends the JVM now, but between two sections: waits for the one in progress (never for one the
     * calling thread is inside), then halts without shutdown hooks.
     */
    public static void halt(int status) {
        closeGate(EXIT_WAIT);
        Runtime.getRuntime().halt(status);
    }

    /**
     * Waits until no other thread is inside a section and keeps new ones from starting; false when
     * the wait timed out (or the caller is itself inside a section).
     */
    static boolean closeGate(Duration wait) {
        if (GATE.getReadHoldCount() > 0) return false;
        try {
            return GATE.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
