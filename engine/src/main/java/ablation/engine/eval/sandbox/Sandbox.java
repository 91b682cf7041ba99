package ablation.engine.eval.sandbox;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes untrusted Python programs (docs/ARCHITECTURE.md, Evaluation and the sandbox): a pool of long-lived {@code python -s -S} workers that fork one
 * child per program, inside bubblewrap where it works. The child runs under resource limits (CPU time,
 * address space, file size, open files, processes) in a private directory that is removed afterwards, and
 * never as root: as root it runs under an unprivileged uid of its own, so it cannot touch the worker, the
 * host's files or other candidates, and {@code RLIMIT_NPROC} stops fork bombs; where no isolation that drops
 * privileges works, {@link #open} fails instead. The verdict comes from the worker (see {@code harness.py}):
 * a pass needs a per-program nonce that exists only in harness frames an audit hook keeps candidate code
 * away from, so {@code sys.exit(0)}, printing, descriptors, frame walking, trace functions or a detached
 * child never count as a pass, and whatever the program left running is killed before its verdict is returned.
 *
 * <p>Thread-safe: {@link #run} may be called from several threads; programs run in parallel across
 * the workers. {@link #close()} stops every worker and leaves no process behind.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final AtomicBoolean WARNED_WEAK = new AtomicBoolean();
    /** Candidate uids: far above login and system ranges, one block of 64 per JVM, one uid per worker slot. */
    static final int UID_BASE = 2_000_000_000;

    /** Called after each finished program, from the sandbox's threads. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final SandboxOptions options;
    private final PythonRuntime python;
    private final WorkerCommand command;
    private final ExecutorService launcher;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService pool;
    private final BlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final List<Slot> slots = new ArrayList<>();
    private final ConcurrentHashMap<String, CompletableFuture<ExecResult>> cache = new ConcurrentHashMap<>();
    private final boolean unprivileged;
    private final boolean namespaced;
    private volatile boolean closed;

    /** One worker position: its uid stays the same when a dead worker is replaced, so leftovers are swept. */
    private static final class Slot {
        final int index;
        Worker worker;

        Slot(int index, Worker worker) {
            this.index = index;
            this.worker = worker;
        }
    }

    private Sandbox(
            SandboxOptions options,
            PythonRuntime python,
            WorkerCommand command,
            List<Worker> workers,
            ExecutorService launcher,
            ScheduledExecutorService watchdog) {
        this.options = options;
        this.python = python;
        this.command = command;
        this.launcher = launcher;
        this.watchdog = watchdog;
        for (int i = 0; i < workers.size(); i++) {
            Slot slot = new Slot(i, workers.get(i));
            slots.add(slot);
            idle.add(slot);
        }
        this.unprivileged = workers.get(0).unprivileged();
        this.namespaced = workers.get(0).namespaced();
        this.pool = Executors.newFixedThreadPool(workers.size(), daemon("sandbox"));
    }

    /**
     * Starts the workers. With {@link Isolation#AUTO} bubblewrap is used when installed and working; otherwise,
     * as root, resource limits with candidates under an unprivileged uid (logged once). It fails closed: no
     * candidate ever runs as root, and {@code auto} never falls back to running candidates under this JVM's uid.
     *
     * @throws WorkbenchException when Python is missing, or no isolation that drops privileges works here
     */
    public static Sandbox open(SandboxOptions options) {
        return open(options, WorkerCommand.findBubblewrap(), isRoot());
    }

    /** {@link #open(SandboxOptions)} with a given bubblewrap (or none) and user, for tests of the fallbacks. */
    static Sandbox open(SandboxOptions options, Optional<Path> bubblewrap, boolean root) {
        PythonRuntime python = PythonRuntime.locate(options.python());
        List<String> refusals = new ArrayList<>();
        List<WorkerCommand> commands = new ArrayList<>();
        if (options.isolation() != Isolation.RLIMIT) {
            bubblewrap.ifPresentOrElse(
                    bwrap -> commands.addAll(WorkerCommand.bubblewrapVariants(bwrap, python, root)),
                    () -> refusals.add("bwrap is not installed (apt-get install bubblewrap)"));
        }
        if (options.isolation() == Isolation.RLIMIT || (options.isolation() == Isolation.AUTO && root)) {
            commands.add(WorkerCommand.rlimitOnly(root));
        } else if (options.isolation() == Isolation.AUTO) {
            refusals.add("without bubblewrap candidates would run under this user's uid, which can read this "
                    + "process's environment and files; pass --isolation rlimit to accept that");
        }
        return start(options, python, commands, refusals);
    }

    /** Starts the workers with the first of {@code commands} that works; {@code refusals} say why others did not. */
    static Sandbox start(
            SandboxOptions options, PythonRuntime python, List<WorkerCommand> commands, List<String> refusals) {
        // bubblewrap's --die-with-parent follows the *thread* that started it: workers are started from
        // this one long-lived thread, so they live exactly as long as the sandbox.
        ExecutorService launcher = Executors.newSingleThreadExecutor(daemon("sandbox-launcher"));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-watchdog"));
        for (WorkerCommand command : commands) {
            List<Worker> workers = new ArrayList<>();
            try {
                workers.add(launch(launcher, command, python, options, 0, watchdog));
            } catch (Worker.WorkerFailure e) {
                refusals.add(e.getMessage());
                continue;
            }
            try {
                for (int slot = 1; slot < options.workers(); slot++) {
                    workers.add(launch(launcher, command, python, options, slot, watchdog));
                }
            } catch (Worker.WorkerFailure e) {
                workers.forEach(Worker::close);
                launcher.shutdownNow();
                watchdog.shutdownNow();
                throw new WorkbenchException("cannot start sandbox worker " + workers.size() + ": " + e.getMessage());
            }
            warnIfWeak(command, workers.get(0), refusals);
            return new Sandbox(options, python, command, workers, launcher, watchdog);
        }
        launcher.shutdownNow();
        watchdog.shutdownNow();
        throw new WorkbenchException(
                "cannot start the sandbox (" + options.isolation().label() + "): " + String.join("; ", refusals));
    }

    private static Worker launch(
            ExecutorService launcher,
            WorkerCommand command,
            PythonRuntime python,
            SandboxOptions options,
            int slot,
            ScheduledExecutorService watchdog)
            throws Worker.WorkerFailure {
        try {
            return launcher.submit(() -> Worker.start(command, python, options, uidFor(slot), watchdog))
                    .get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Worker.WorkerFailure failure) throw failure;
            throw new WorkbenchException("cannot start a sandbox worker: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while starting the sandbox", e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void warnIfWeak(WorkerCommand command, Worker worker, List<String> refusals) {
        List<String> gaps = new ArrayList<>();
        if (command.isolation() == Isolation.RLIMIT) {
            gaps.add("no network or filesystem isolation"
                    + (refusals.isEmpty() ? "" : " (" + String.join("; ", refusals) + ")"));
        }
        if (!worker.unprivileged() && command.isolation() == Isolation.RLIMIT) {
            gaps.add("candidates run under this user's uid: they can read what it reads and signal its processes");
        } else if (!worker.unprivileged()) {
            gaps.add("candidates share the worker's uid, so fork bombs are only bounded by the timeout");
        }
        if (!worker.note().isEmpty()) gaps.add(worker.note());
        if (!gaps.isEmpty() && WARNED_WEAK.compareAndSet(false, true)) {
            LOG.warn("sandbox isolation is weaker than intended: {}", String.join("; ", gaps));
        }
    }

    /** A uid per worker slot, distinct between JVMs (by pid), so sweeping one never touches another. */
    private static int uidFor(int slot) {
        long block = ProcessHandle.current().pid() % ((Integer.MAX_VALUE - UID_BASE) / SandboxOptions.MAX_WORKERS);
        return (int) (UID_BASE + block * SandboxOptions.MAX_WORKERS + slot);
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) { // no /proc or no unix view
            return false;
        }
    }

    /** Runs the programs in parallel; results in the same order. */
    public List<ExecResult> run(List<String> programs) {
        return run(programs, (done, total) -> {});
    }

    public List<ExecResult> run(List<String> programs, Progress progress) {
        if (closed) throw new IllegalStateException("the sandbox is closed");
        int total = programs.size();
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<ExecResult>> futures = new ArrayList<>(total);
        for (String program : programs) {
            futures.add(
                    submit(program).whenComplete((result, error) -> progress.update(done.incrementAndGet(), total)));
        }
        List<ExecResult> results = new ArrayList<>(total);
        for (CompletableFuture<ExecResult> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        return results;
    }

    private CompletableFuture<ExecResult> submit(String program) {
        if (!options.cache()) return CompletableFuture.supplyAsync(() -> execute(program), pool);
        CompletableFuture<ExecResult> mine = new CompletableFuture<>();
        CompletableFuture<ExecResult> existing = cache.putIfAbsent(program, mine);
        if (existing != null) return existing;
        CompletableFuture.supplyAsync(() -> execute(program), pool).whenComplete((result, error) -> {
            if (error != null || result == null) {
                cache.remove(program, mine);
                mine.completeExceptionally(error);
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }

    /** Runs one program on the next free worker; a worker that fails is replaced, the program counts as killed. */
    private ExecResult execute(String program) {
        Slot slot;
        try {
            slot = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while waiting for a sandbox worker", e);
        }
        try {
            if (closed) throw new IllegalStateException("the sandbox is closed");
            if (slot.worker == null) slot.worker = restart(slot.index);
            try {
                return slot.worker.execute(program);
            } catch (Worker.WorkerFailure e) {
                LOG.warn("sandbox worker {} failed ({}); starting a new one", slot.index, e.getMessage());
                slot.worker.close();
                slot.worker = null;
                cache.remove(program); // not the program's fault: the next identical one runs again
                return new ExecResult(Outcome.KILLED, e.getMessage(), 0);
            }
        } finally {
            idle.add(slot);
        }
    }

    private Worker restart(int slot) {
        try {
            return launch(launcher, command, python, options, slot, watchdog);
        } catch (Worker.WorkerFailure e) {
            throw new WorkbenchException("cannot restart sandbox worker " + slot + ": " + e.getMessage());
        }
    }

    /**
     * CPU seconds the workers and their candidates have used so far (Linux /proc): with the JVM's own CPU
     * time it gives a cost per program that does not depend on how busy the machine is.
     */
    public double cpuSeconds() {
        double total = 0;
        for (Slot slot : slots) {
            Worker worker = slot.worker;
            if (worker != null) total += worker.cpuSeconds();
        }
        return total;
    }

    /** {@link Isolation#BWRAP} or {@link Isolation#RLIMIT}: what the workers actually run under. */
    public Isolation isolation() {
        return command.isolation();
    }

    /** Whether candidates run under their own unprivileged uid (only possible when this JVM runs as root). */
    public boolean unprivileged() {
        return unprivileged;
    }

    /** Whether each worker is alone in a PID namespace, so nothing a candidate starts survives its verdict. */
    public boolean namespaced() {
        return namespaced;
    }

    /** The uids candidates may run under (all of this JVM's sandboxes), for checks that nothing was left behind. */
    public static boolean isCandidateUid(long uid) {
        return uid >= UID_BASE;
    }

    public String pythonVersion() {
        return python.version();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pool.shutdownNow();
        for (Slot slot : slots) {
            if (slot.worker != null) slot.worker.close();
        }
        launcher.shutdownNow();
        watchdog.shutdownNow();
    }
}
