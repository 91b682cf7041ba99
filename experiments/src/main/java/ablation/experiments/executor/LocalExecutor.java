package ablation.experiments.executor;

import ablation.core.WorkbenchException;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.StudyLease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's queued runs on this machine, each in its own worker process (a crash, a kill or
 * an out-of-memory error ends one run, not the study), at most {@code concurrency} at a time, the
 * machine's threads split between them.
 *
 * <p>Crash safety lives in the store and the run directories, not here: a worker that dies leaves
 * its run {@code running} with a heartbeat that goes stale; the run is then marked orphaned and a
 * new worker resumes it from its last checkpoint. Starting a study again after the whole process
 * tree was killed therefore continues every unfinished run.
 */
public final class LocalExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

    /**
     * @param concurrency runs trained at the same time
     * @param threads threads of the machine shared between the concurrent runs
     * @param retries relaunches of a run whose worker process died without reporting (crash, kill)
     * @param staleAfter a running run without a heartbeat for this long is orphaned and resumed
     */
    public record Options(int concurrency, int threads, int retries, Duration staleAfter, Duration poll) {
        public Options {
            if (concurrency < 1) throw new WorkbenchException("--parallel must be at least 1, got " + concurrency);
            if (threads < 1) throw new WorkbenchException("--threads must be at least 1, got " + threads);
            if (retries < 0) throw new WorkbenchException("--retries must not be negative, got " + retries);
        }

        public static Options defaults() {
            return new Options(
                    1, Runtime.getRuntime().availableProcessors(), 2, Duration.ofSeconds(30), Duration.ofSeconds(1));
        }
    }

    private final TrackingStore store;
    private final String dbUrl;
    private final StudyLayout layout;
    private final WorkerCommand command;
    private final Options options;
    private final Map<Long, Process> active = new LinkedHashMap<>();
    private final Map<Long, Integer> relaunches = new HashMap<>();
    /** Where each active worker's output starts in its run's log, to tell why that launch ended. */
    private final Map<Long, Long> logStarts = new HashMap<>();

    private StudyLease lease;
    /** Failed runs the user asked to resume (the GUI's Retry); taken by the loop on its next pass. */
    private final Set<Long> retryRequests = ConcurrentHashMap.newKeySet();

    public LocalExecutor(
            TrackingStore store, String dbUrl, StudyLayout layout, WorkerCommand command, Options options) {
        if (dbUrl.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length())) {
            throw new WorkbenchException("a study's runs train in worker processes, which cannot reach the"
                    + " in-memory store " + dbUrl + ": give --db a file store (jdbc:h2:file:PATH or a path)"
                    + " or a server");
        }
        this.store = store;
        this.dbUrl = dbUrl;
        this.layout = layout;
        this.command = command;
        this.options = options;
    }

    /**
     * Runs the study only while this process holds its lease: {@link #run} stops (and stops its
     * workers) once the lease is lost, so two processes never drive one study.
     */
    public LocalExecutor holding(StudyLease lease) {
        this.lease = lease;
        return this;
    }

    /**
     * Asks for a failed run to be resumed from its last checkpoint (its worker resumes a failed run),
     * by the loop of {@link #run} already going or about to start. Safe from any thread.
     */
    public void retry(long runId) {
        retryRequests.add(runId);
    }

    /** Whether a {@link #retry} request has not been taken yet (one made as {@link #run} returned). */
    public boolean hasRetryRequests() {
        return !retryRequests.isEmpty();
    }

    /** Runs every unfinished run of the study to an end (finished, failed or cancelled). */
    public StudyProgress run(long studyId, ExecutionListener listener) {
        ProgressMeter meter = new ProgressMeter(store, Instant.now());
        Thread killWorkers = new Thread(this::destroyAll, "stop-workers");
        Runtime.getRuntime().addShutdownHook(killWorkers);
        try {
            while (true) {
                String lost = lease == null ? null : lease.lostReason();
                if (lost != null) throw new WorkbenchException("study stopped: " + lost);
                store.runs().markOrphans(options.staleAfter());
                List<Run> runs = store.runs().list(studyId);
                retryRequests.retainAll(runs.stream().map(Run::id).toList()); // another study's run: not ours to retry
                reap(listener);
                Deque<Run> startable = new ArrayDeque<>();
                boolean waitingForOthers = false;
                for (Run run : runs) {
                    if (active.containsKey(run.id())) continue;
                    boolean retry = retryRequests.remove(run.id()); // honoured once, and only for a failed run
                    switch (run.status()) {
                        case QUEUED, ORPHANED -> startable.add(run);
                        case RUNNING -> waitingForOthers = true; // a worker we did not start; orphaned once stale
                        case FAILED -> {
                            if (retry) {
                                relaunches.remove(run.id());
                                startable.add(run);
                            }
                        }
                        default -> {}
                    }
                }
                stopCancelled(runs);
                while (active.size() < options.concurrency() && !startable.isEmpty()) {
                    launch(startable.poll(), Math.max(1, startable.size() + active.size() + 1));
                }
                StudyProgress progress = meter.measure(runs, run -> active.containsKey(run.id()), null);
                listener.progress(progress);
                if (active.isEmpty() && startable.isEmpty() && !waitingForOthers && retryRequests.isEmpty())
                    return progress;
                sleep(options.poll());
            }
        } finally {
            destroyAll();
            try {
                Runtime.getRuntime().removeShutdownHook(killWorkers);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
    }

    private void launch(Run run, int runsLeft) {
        int threads = Math.max(1, options.threads() / Math.min(options.concurrency(), runsLeft));
        try {
            Files.createDirectories(layout.runDir(run.id()));
            logStarts.put(run.id(), WorkerLog.size(layout.workerLog(run.id())));
            ProcessBuilder builder = command.build(
                            dbUrl,
                            run.id(),
                            layout.runDir(run.id()),
                            threads,
                            options.staleAfter().dividedBy(4))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            layout.workerLog(run.id()).toFile()));
            active.put(run.id(), builder.start());
            LOG.info(
                    "started run {} ({}) with {} threads; log: {}",
                    run.id(),
                    run.name(),
                    threads,
                    layout.workerLog(run.id()));
        } catch (IOException e) {
            throw new WorkbenchException("cannot start a worker for run " + run.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Collects exited workers. A worker that cannot work at all stops the study with its reason; one
     * that died without reporting (a crash, a kill) has its run failed with the reason from its log
     * and, while retries last, relaunched; a run still queued after its last attempt stops the study.
     */
    private void reap(ExecutionListener listener) {
        for (var entry : new ArrayList<>(active.entrySet())) {
            Process process = entry.getValue();
            if (process.isAlive()) continue;
            long runId = entry.getKey();
            active.remove(runId);
            Path log = layout.workerLog(runId);
            String reason = WorkerLog.reason(log, logStarts.getOrDefault(runId, 0L));
            Run run = store.runs().require(runId);
            int code = process.exitValue();
            if (code == WorkerExit.CANNOT_RUN) {
                throw new WorkbenchException("study stopped: the worker of run " + run.name() + " cannot run: " + reason
                        + " (log: " + log + "); fix this and start the study again");
            }
            if (run.status() == RunStatus.RUNNING || run.status() == RunStatus.QUEUED) {
                String why = "worker exited with code " + code + " without finishing: " + reason + "; log: " + log;
                int used = relaunches.merge(runId, 1, Integer::sum);
                if (run.status() == RunStatus.RUNNING) store.runs().fail(runId, why);
                if (used <= options.retries()) {
                    LOG.warn(
                            "run {}: {}; relaunching from its last checkpoint ({}/{})",
                            run.name(),
                            why,
                            used,
                            options.retries());
                    launch(store.runs().require(runId), 1);
                } else if (run.status() == RunStatus.QUEUED) {
                    String workers = used == 1 ? "the worker" : used + " workers in a row";
                    throw new WorkbenchException("study stopped: " + workers + " of run " + run.name()
                            + " exited with code " + code + " before starting it: " + reason
                            + " (log: " + log + ")");
                } else {
                    listener.runEnded(run.name(), RunStatus.FAILED.dbValue(), why);
                }
            } else {
                listener.runEnded(run.name(), run.status().dbValue(), run.error());
            }
        }
    }

    /** A run cancelled in the store (from the GUI or {@code runs cancel}) has its worker stopped. */
    private void stopCancelled(List<Run> runs) {
        for (Run run : runs) {
            Process process = active.get(run.id());
            if (process != null && run.status() == RunStatus.CANCELLED) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                active.remove(run.id());
            }
        }
    }

    private void destroyAll() {
        for (Process process : active.values()) process.descendants().forEach(ProcessHandle::destroyForcibly);
        for (Process process : active.values()) process.destroyForcibly();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("study interrupted");
        }
    }
}
