package ablation.app.gui.store;

import ablation.app.gui.composer.StudyLauncher;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SpecLoader;
import ablation.engine.train.MemoryBudget;
import ablation.experiments.executor.ExecutionListener;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.StudyProgress;
import ablation.experiments.executor.WorkerCommand;
import ablation.experiments.preflight.Preflight;
import ablation.experiments.queue.RunRetry;
import ablation.experiments.queue.StudyQueue;
import ablation.experiments.tokenizer.StudyTokenizers;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.LeaseOwner;
import ablation.storage.study.Study;
import ablation.storage.study.StudyLease;
import ablation.storage.study.StudyLeases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Launches studies from the app: queues a study's runs in the store, then trains them with the
 * {@link LocalExecutor} (each run in its own worker process) on one background thread, one study
 * at a time; a study launched while another trains waits for it. Retry resumes a failed or
 * cancelled run through the executor of its study, the one running or a new one.
 */
public final class LocalStudyService implements StudyLauncher, AutoCloseable {
    private final TrackingStore store;
    private final String dbUrl;
    private final StudyFiles files;
    private final WorkerCommand command;
    private final LocalExecutor.Options options;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "workbench-study-runner");
        t.setDaemon(true);
        return t;
    });
    /** The executors of the studies waiting for the thread or training on it, by study name. */
    private final Map<String, LocalExecutor> scheduled = new HashMap<>();

    private volatile Consumer<String> progress = line -> {};
    private String currentStudy;

    /** @param dbUrl the store's JDBC URL as the worker processes open it */
    public LocalStudyService(
            TrackingStore store, String dbUrl, StudyFiles files, WorkerCommand command, LocalExecutor.Options options) {
        this.store = store;
        this.dbUrl = dbUrl;
        this.files = files;
        this.command = command;
        this.options = options;
    }

    @Override
    public void reportProgressTo(Consumer<String> lines) {
        progress = lines;
    }

    @Override
    public String launch(AblationSpec spec, Path studyFile) {
        List<RunSpec> runs = GridExpander.expand(spec, false);
        Preflight.check(runs, MemoryBudget.ofThisMachine());
        StudyTokenizers.Plan tokenizers =
                StudyTokenizers.plan(runs, files.layout(spec.name()).root());
        tokenizers.train();
        Study study = StudyQueue.enqueue(store, spec.name(), SpecLoader.tree(studyFile), tokenizers.runs());
        tokenizers.record(store, study);
        String waiting = schedule(study, null);
        return "Queued " + runs.size() + " runs of " + spec.name()
                + (waiting == null ? "; training" : "; it trains after " + waiting);
    }

    /**
     * Retries a failed or cancelled run of {@code studyName}; returns a line for the status bar. A
     * failed run is resumed from its last checkpoint at once by its study's executor; a cancelled
     * one is handed back as {@code workbench runs retry} does ({@link RunRetry}), and the executor
     * resumes it once its heartbeat is stale.
     */
    public String retry(String studyName, long runId) {
        Study study = store.studies().require(studyName);
        Run run = store.runs().require(runId);
        if (run.status() == RunStatus.FAILED) {
            String waiting = schedule(study, runId);
            return "Resuming " + run.name() + " from its last checkpoint"
                    + (waiting == null ? "" : " after " + waiting);
        }
        RunRetry.Outcome outcome = RunRetry.handBack(store, run);
        String waiting = schedule(study, null);
        return (outcome == RunRetry.Outcome.HANDED_BACK
                        ? "Handed " + run.name() + " back to its study"
                        : run.name() + " is orphaned")
                + ": it resumes from its last checkpoint within about "
                + options.staleAfter().toSeconds() + " s"
                + (waiting == null ? "" : " after " + waiting);
    }

    /**
     * Trains the study's unfinished runs on the background thread, unless it is waiting or training
     * already (its executor then takes new runs and the retry on its next pass). Returns the study
     * it waits for, or null when it trains now.
     */
    private synchronized String schedule(Study study, Long retry) {
        LocalExecutor executor = scheduled.get(study.name());
        if (executor == null) {
            executor = new LocalExecutor(store, dbUrl, files.layout(study.name()), command, options);
            scheduled.put(study.name(), executor);
            LocalExecutor mine = executor;
            thread.execute(() -> train(study, mine));
        }
        if (retry != null) executor.retry(retry);
        return currentStudy == null || currentStudy.equals(study.name()) ? null : currentStudy;
    }

    private void train(Study study, LocalExecutor executor) {
        synchronized (this) {
            currentStudy = study.name();
        }
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void progress(StudyProgress p) {
                progress.accept(study.name() + ": " + p.line());
            }

            @Override
            public void runEnded(String runName, String status, String message) {
                progress.accept("run " + runName + " " + status + (message == null ? "" : ": " + message));
            }
        };
        // One process drives a study at a time (a `workbench study` of the same study, another window).
        try (StudyLease lease =
                store.leases().acquire(study.name(), LeaseOwner.thisProcess(), StudyLeases.DEFAULT_TIMEOUT)) {
            executor.holding(lease);
            while (true) {
                StudyProgress done = executor.run(study.id(), listener);
                synchronized (this) {
                    // a retry asked for as the executor returned is not lost: run it again
                    if (executor.hasRetryRequests()) continue;
                    release(study);
                }
                progress.accept(study.name() + ": " + done.finished() + " of " + done.total() + " runs finished"
                        + (done.failed() > 0 ? ", " + done.failed() + " failed or cancelled" : "")
                        + " in " + StudyProgress.format(done.elapsed()));
                return;
            }
        } catch (RuntimeException e) { // thread boundary: interrupted, store or worker failure, or a bug
            synchronized (this) {
                release(study);
            }
            progress.accept(study.name() + " stopped: " + e.getMessage());
        }
    }

    private void release(Study study) {
        scheduled.remove(study.name());
        currentStudy = null;
    }

    /** Stops the study training now: its workers are stopped, and their runs resume at the next launch. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
