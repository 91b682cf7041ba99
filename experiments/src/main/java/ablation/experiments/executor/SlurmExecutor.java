package ablation.experiments.executor;

import ablation.core.WorkbenchException;
import ablation.core.spec.SlurmOptions;
import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.jdbc.ConnectionErrors;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's queued runs on a Slurm cluster: one job array per submission, each task a worker
 * that claims the next queued run of the study in a shared tracking store (or, failing that, an
 * orphaned one, which resumes from its last checkpoint). Slurm decides where and when tasks run;
 * the store is the single record of which run is where.
 *
 * <p>Files, under the study directory (which, like the store, every node must reach):
 * {@code slurm/study.sbatch} (the last script submitted), {@code slurm/jobs} (every array job id
 * submitted, one a line) and {@code slurm/<job>_<task>.log} (each task's output). The worker writes
 * its task's id into the run directory ({@link SlurmTask}).
 *
 * <p>While following, the executor marks runs whose heartbeat went stale as orphaned (a killed task,
 * a lost node) and submits a new array for runs that no task will claim, while retries last; it
 * stops the task of a run cancelled in the store. Stopping to follow leaves the jobs running.
 */
public final class SlurmExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmExecutor.class);

    /**
     * @param retries    resubmissions of a run whose task was lost; also how many arrays in a row may
     *                   end without any task claiming a run before following gives up
     * @param staleAfter a running run without a heartbeat for this long is orphaned
     */
    public record Options(SlurmOptions slurm, int retries, Duration staleAfter, Duration poll) {
        public Options {
            if (slurm == null) slurm = SlurmOptions.NONE;
            if (retries < 0) throw new WorkbenchException("--retries must not be negative, got " + retries);
        }

        /** Polls the store and {@code squeue} every 5 seconds: often enough for a progress line, gently for a shared controller. */
        public static Options of(SlurmOptions slurm, int retries) {
            return new Options(slurm, retries, LocalExecutor.Options.defaults().staleAfter(), Duration.ofSeconds(5));
        }
    }

    /** What {@link #cancel} did: the array jobs it cancelled and how many runs it marked cancelled. */
    public record Cancelled(List<Long> jobs, int runs) {}

    private final TrackingStore store;
    private final String dbUrl;
    private final StudyLayout layout;
    private final WorkerCommand command;
    private final SlurmCluster cluster;
    private final Options options;
    /** Arrays this executor submitted: the ones it judges when they leave the queue. */
    private final Set<Long> submittedHere = new LinkedHashSet<>();

    public SlurmExecutor(
            TrackingStore store,
            String dbUrl,
            StudyLayout layout,
            WorkerCommand command,
            SlurmCluster cluster,
            Options options) {
        this.store = store;
        this.dbUrl = dbUrl;
        this.layout = layout;
        this.command = command;
        this.cluster = cluster;
        this.options = options;
    }

    /**
     * Whether Slurm tasks can share this store. An H2 TCP server or PostgreSQL can; an embedded H2
     * file with {@code AUTO_SERVER=TRUE} only from this node (it is served on the loopback
     * interface), which is allowed with a warning; any other embedded or in-memory store is refused.
     *
     * @return a warning to show, if any
     */
    public static Optional<String> checkStore(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) return Optional.empty();
        if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            String host = lower.replaceFirst("^jdbc:h2:(tcp|ssl)://", "").split("[:/]", 2)[0];
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    ? Optional.of("the store " + ConnectionErrors.redact(url)
                            + " is on localhost: only tasks on this node can reach it")
                    : Optional.empty();
        }
        if (lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && lower.contains(";auto_server=true")) {
            return Optional.of(
                    "the store is an embedded H2 file served from this node's loopback interface: Slurm tasks"
                            + " reach it only when they run on this node and the file is on a filesystem they share; for a"
                            + " cluster start `workbench db serve` and pass its jdbc:h2:tcp:// URL with --db, or use PostgreSQL");
        }
        throw new WorkbenchException("Slurm tasks cannot reach the store " + ConnectionErrors.redact(url)
                + ": start `workbench db serve` and pass its jdbc:h2:tcp://HOST:PORT/NAME URL with --db, or use"
                + " PostgreSQL (jdbc:postgresql://...)");
    }

    /**
     * Submits one array for the study's runs that no queued task will claim (all of them on the
     * first call). Runs whose heartbeat is stale are first marked orphaned, so they are resubmitted.
     *
     * @return the array job id, or empty when every unfinished run already has a task
     */
    public Optional<Long> submitUnclaimed(Study study) {
        store.runs().markOrphans(options.staleAfter());
        List<Run> runs = store.runs().list(study.id());
        return submitUnclaimed(study, runs, cluster.tasks(study.name(), submittedJobs()));
    }

    /** Follows the study until every run is final (finished, failed or cancelled); see the class comment. */
    public StudyProgress follow(Study study, ExecutionListener listener) {
        return new Follow(study).run(listener);
    }

    /** Cancels the study's array jobs still queued and marks its unfinished runs cancelled. */
    public Cancelled cancel(Study study) {
        List<Long> live = cluster.tasks(study.name(), submittedJobs()).stream()
                .map(t -> t.task().arrayJobId())
                .distinct()
                .sorted()
                .toList();
        cluster.cancel(live.stream().map(String::valueOf).toList());
        int marked = 0;
        for (Run run : store.runs().list(study.id())) {
            if (run.status().isFinal()) continue;
            try {
                store.runs().cancel(run.id());
                marked++;
            } catch (StoreException raced) {
                // it ended meanwhile: its own record stands
            }
        }
        return new Cancelled(live, marked);
    }

    public Path logDir() {
        return layout.root().resolve("slurm");
    }

    /** The array job ids submitted for this study so far. */
    public Set<Long> submittedJobs() {
        Path file = logDir().resolve("jobs");
        if (!Files.isRegularFile(file)) return Set.of();
        try {
            return Files.readAllLines(file).stream()
                    .map(String::trim)
                    .filter(l -> l.matches("\\d+"))
                    .map(Long::valueOf)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new WorkbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The log of the task that last claimed the run, if a Slurm task did. */
    public Optional<Path> taskLog(long runId) {
        return SlurmTask.recordedIn(layout.runDir(runId)).map(t -> logDir().resolve(t.id() + ".log"));
    }

    private Optional<Long> submitUnclaimed(Study study, List<Run> runs, List<SlurmCluster.QueuedTask> tasks) {
        long claimable = runs.stream()
                .filter(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.ORPHANED)
                .count();
        long running =
                runs.stream().filter(r -> r.status() == RunStatus.RUNNING).count();
        // Tasks not yet running a run will claim one each (a task that just started may not have claimed yet).
        long claimers = Math.max(0, tasks.size() - running);
        long missing = claimable - claimers;
        return missing > 0 ? Optional.of(submit(study, (int) missing)) : Optional.empty();
    }

    private long submit(Study study, int tasks) {
        Path dir = logDir();
        SlurmScript script = new SlurmScript(
                study.name(),
                tasks,
                options.slurm(),
                dir,
                Path.of("").toAbsolutePath(),
                command.claim(
                        dbUrl,
                        study.id(),
                        layout.root(),
                        options.slurm().threads(),
                        options.staleAfter().dividedBy(4)));
        Path file = dir.resolve("study.sbatch");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(file);
            // Owner-only: the script holds the store's URL, which may carry a password.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, script.text());
            long job = cluster.submit(file);
            Files.writeString(dir.resolve("jobs"), job + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            submittedHere.add(job);
            LOG.info(
                    "submitted job array {} ({} task{}) for study {}; logs in {}",
                    job,
                    tasks,
                    tasks == 1 ? "" : "s",
                    study.name(),
                    dir);
            return job;
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the Slurm script " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state of one follow: what was reported, resubmitted and stopped. */
    private final class Follow {
        private final Study study;
        private final ProgressMeter meter;
        private final Set<Long> reported = new HashSet<>();
        private final Map<Long, Integer> lost = new HashMap<>();
        private final Set<String> stopped = new HashSet<>();
        private final Set<Long> claimedBy = new HashSet<>();
        private final Set<Long> endedAndRead = new HashSet<>();
        private final Set<Long> judged = new HashSet<>();
        private int idleArraysInARow;

        Follow(Study study) {
            this.study = study;
            this.meter = new ProgressMeter(store, Instant.now());
            store.runs().list(study.id()).stream()
                    .filter(r -> r.status().isFinal())
                    .forEach(r -> reported.add(r.id()));
        }

        StudyProgress run(ExecutionListener listener) {
            while (true) {
                retryOrFailOrphans();
                List<Run> runs = store.runs().list(study.id());
                reportEnded(runs, listener);
                String note;
                try {
                    List<SlurmCluster.QueuedTask> tasks = cluster.tasks(study.name(), submittedJobs());
                    stopCancelled(runs, tasks);
                    noteClaims(runs);
                    judgeEndedArrays(runs, tasks);
                    submitUnclaimed(study, runs, tasks);
                    note = note(tasks);
                } catch (SlurmCluster.Unavailable e) {
                    // A busy or restarting controller: decide nothing on a queue we cannot see, ask again next time.
                    note = "slurm: " + e.getMessage();
                }
                StudyProgress progress = meter.measure(runs, r -> r.status() == RunStatus.RUNNING, note);
                listener.progress(progress);
                if (runs.stream().allMatch(r -> r.status().isFinal())) return progress;
                sleep(options.poll());
            }
        }

        /** A run whose task was lost is resubmitted (by {@link #submitUnclaimed}) while its retries last, then failed. */
        private void retryOrFailOrphans() {
            for (Run orphan : store.runs().markOrphans(options.staleAfter())) {
                if (orphan.studyId() != study.id()) continue;
                int times = lost.merge(orphan.id(), 1, Integer::sum);
                String where = taskLog(orphan.id()).map(log -> "; log: " + log).orElse("");
                if (times > options.retries()) {
                    try {
                        store.runs()
                                .fail(
                                        orphan.id(),
                                        "its Slurm task stopped without finishing " + times + " times" + where);
                    } catch (StoreException claimedMeanwhile) {
                        LOG.warn("run {} was claimed again before it could be failed", orphan.name());
                    }
                } else {
                    LOG.warn(
                            "run {}: its Slurm task stopped without finishing{}; it resumes from its last checkpoint ({}/{})",
                            orphan.name(),
                            where,
                            times,
                            options.retries());
                }
            }
        }

        private void reportEnded(List<Run> runs, ExecutionListener listener) {
            for (Run run : runs) {
                if (!run.status().isFinal() || !reported.add(run.id())) continue;
                String message = run.error();
                if (run.status() == RunStatus.FAILED && message != null && !message.contains("; log: ")) {
                    message += taskLog(run.id()).map(log -> "; log: " + log).orElse("");
                }
                listener.runEnded(run.name(), run.status().dbValue(), message);
            }
        }

        /** A run cancelled in the store (GUI, {@code runs cancel}) has its task cancelled. */
        private void stopCancelled(List<Run> runs, List<SlurmCluster.QueuedTask> tasks) {
            Set<SlurmTask> live =
                    tasks.stream().map(SlurmCluster.QueuedTask::task).collect(Collectors.toSet());
            List<String> stop = new ArrayList<>();
            for (Run run : runs) {
                if (run.status() != RunStatus.CANCELLED) continue;
                SlurmTask.recordedIn(layout.runDir(run.id()))
                        .filter(live::contains)
                        .filter(task -> stopped.add(task.id()))
                        .ifPresent(task -> stop.add(task.id()));
            }
            cluster.cancel(stop);
        }

        /** Which arrays claimed runs: read from the running runs' directories, and once from each ended run's. */
        private void noteClaims(List<Run> runs) {
            for (Run run : runs) {
                boolean read =
                        run.status() == RunStatus.RUNNING || run.status().isFinal() && endedAndRead.add(run.id());
                if (read)
                    SlurmTask.recordedIn(layout.runDir(run.id())).ifPresent(task -> claimedBy.add(task.arrayJobId()));
            }
        }

        /**
         * An array that left the queue without any task claiming a run while runs were waiting
         * means the tasks cannot start a worker (a missing Java, a path the nodes do not share):
         * after {@code retries} such arrays in a row, following stops with the first task's log.
         */
        private void judgeEndedArrays(List<Run> runs, List<SlurmCluster.QueuedTask> tasks) {
            Set<Long> queued = tasks.stream().map(t -> t.task().arrayJobId()).collect(Collectors.toSet());
            boolean waiting =
                    runs.stream().anyMatch(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.ORPHANED);
            for (long job : submittedHere) {
                if (queued.contains(job) || !judged.add(job)) continue;
                if (claimedBy.contains(job)) {
                    idleArraysInARow = 0;
                } else if (waiting && ++idleArraysInARow > options.retries()) {
                    throw new WorkbenchException("Slurm job " + job + " ended without any of its tasks claiming a run"
                            + " of study " + study.name() + "; " + logTail(logDir().resolve(job + "_0.log")));
                }
            }
        }

        /** {@code slurm job 12: 2 running, 3 pending (Resources)}: what squeue says of our tasks. */
        private String note(List<SlurmCluster.QueuedTask> tasks) {
            if (tasks.isEmpty()) return "slurm: no task queued";
            String jobs = tasks.stream()
                    .map(t -> String.valueOf(t.task().arrayJobId()))
                    .distinct()
                    .collect(Collectors.joining(","));
            long pending =
                    tasks.stream().filter(SlurmCluster.QueuedTask::pending).count();
            String reason = tasks.stream()
                    .filter(SlurmCluster.QueuedTask::pending)
                    .map(SlurmCluster.QueuedTask::reason)
                    .filter(r -> !r.isBlank() && !r.equals("None"))
                    .findFirst()
                    .map(r -> " (" + r + ")")
                    .orElse("");
            return "slurm job " + jobs + ": " + (tasks.size() - pending) + " running, " + pending + " pending" + reason;
        }
    }

    private static String logTail(Path log) {
        if (!Files.isRegularFile(log)) {
            return "its log " + log + " was not written: is the study directory on a filesystem the nodes share?";
        }
        try {
            List<String> lines = Files.readAllLines(log);
            return "the end of " + log + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("following the study was interrupted; its Slurm jobs keep running");
        }
    }
}
