package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SlurmOptions;
import ablation.core.spec.SpecLoader;
import ablation.engine.train.MemoryBudget;
import ablation.experiments.executor.ExecutionListener;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.SlurmCluster;
import ablation.experiments.executor.SlurmExecutor;
import ablation.experiments.executor.StudyLayout;
import ablation.experiments.executor.StudyProgress;
import ablation.experiments.executor.WorkerCommand;
import ablation.experiments.plan.StudyPlan;
import ablation.experiments.plan.ThroughputTable;
import ablation.experiments.preflight.Preflight;
import ablation.experiments.queue.StudyQueue;
import ablation.experiments.tokenizer.StudyTokenizers;
import ablation.reports.export.Format;
import ablation.storage.TrackingStore;
import ablation.storage.study.LeaseOwner;
import ablation.storage.study.Study;
import ablation.storage.study.StudyLease;
import ablation.storage.study.StudyLeases;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench study FILE}: expand, queue, train and evaluate every run (here, or on Slurm with
 * {@code --executor slurm}), then report.
 */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        description = "Run a whole study headless (each run in its own worker process), then write its report. "
                + "Starting the same study again resumes it.")
public final class StudyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "study file, e.g. sample-configs/five-lessons-quick.yaml")
    Path file;

    @Mixin
    DbOptions db;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "study directory (runs, checkpoints, report); default ~/.workbench/studies/<name>")
    Path out;

    @Option(names = "--dry-run", description = "print the grid, each run's compute and estimated time here, and stop")
    boolean dryRun;

    @Option(names = "--force", description = "allow more than " + GridExpander.MAX_RUNS_WITHOUT_FORCE + " runs")
    boolean force;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description =
                    "local: runs trained at once (threads are split between them); default: the study's parallel, else 1 (slurm: the study's slurm.max_parallel)")
    Integer parallel;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "local: threads for all runs together; default: the machine's cores (slurm: --cpus per run)")
    Integer threads;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "2",
            description =
                    "relaunches of a run whose worker crashed (slurm: whose task was lost); default ${DEFAULT-VALUE}")
    int retries;

    @Option(
            names = "--executor",
            paramLabel = "local|slurm",
            defaultValue = "local",
            description = "where runs train: worker processes here, or a Slurm job array; default ${DEFAULT-VALUE}")
    Executor executor;

    @Option(
            names = "--detach",
            description = "slurm: return once the job array is submitted (start the study again to follow it)")
    boolean detach;

    @Option(
            names = "--cancel",
            description = "cancel the study: scancel its Slurm jobs and mark its unfinished runs cancelled")
    boolean cancel;

    @Option(
            names = "--partition",
            paramLabel = "NAME",
            description = "slurm: partition (overrides the study's slurm.partition)")
    String partition;

    @Option(
            names = "--time",
            paramLabel = "TIME",
            description = "slurm: time limit per run, e.g. 90 or 2:00:00 (overrides slurm.time)")
    String time;

    @Option(names = "--gpus", paramLabel = "N|TYPE:N", description = "slurm: GPUs per run (overrides slurm.gpus)")
    String gpus;

    @Option(names = "--mem", paramLabel = "SIZE", description = "slurm: memory per run, e.g. 16G (overrides slurm.mem)")
    String mem;

    @Option(
            names = "--cpus",
            paramLabel = "N",
            description = "slurm: CPUs (and training threads) per run (overrides slurm.cpus)")
    Integer cpus;

    enum Executor {
        local,
        slurm
    }

    @Override
    public Integer call() {
        checkOptions();
        AblationSpec spec = SpecLoader.load(file);
        List<RunSpec> runs = GridExpander.expand(spec, force);
        PrintStream err = System.err;
        if (dryRun) {
            System.out.print(StudyPlan.of(spec.name(), runs, ThroughputTable.atDefaultLocation())
                    .table());
            return 0;
        }
        if (detach && executor != Executor.slurm) throw new WorkbenchException("--detach needs --executor slurm");
        LocalExecutor.Options defaults = LocalExecutor.Options.defaults();
        LocalExecutor.Options localOptions = new LocalExecutor.Options(
                parallel != null ? parallel : spec.parallel(),
                threads != null ? threads : defaults.threads(),
                retries,
                defaults.staleAfter(),
                defaults.poll());
        if (!cancel) Preflight.check(runs, executor == Executor.local ? MemoryBudget.ofThisMachine() : null);
        String url = db.url();
        StudyLayout layout = out != null ? new StudyLayout(out.toAbsolutePath()) : StudyLayout.defaultFor(spec.name());
        SlurmOptions slurmOptions = spec.slurm().overriddenBy(new SlurmOptions(partition, time, gpus, mem, cpus, null));
        if (executor == Executor.slurm && !cancel) {
            if (!SlurmCluster.available())
                throw new WorkbenchException("--executor slurm: sbatch is not on the PATH of this machine");
            SlurmExecutor.checkStore(url).ifPresent(warning -> err.println("warning: " + warning));
        }
        // One process drives a study at a time: a second start says which one does and exits with 2.
        try (TrackingStore store = db.open();
                StudyLease lease = cancel
                        ? null
                        : store.leases().acquire(spec.name(), LeaseOwner.thisProcess(), StudyLeases.DEFAULT_TIMEOUT)) {
            if (cancel) return cancel(store, url, spec, layout, slurmOptions, err);
            StudyTokenizers.Plan tokenizers = StudyTokenizers.plan(runs, layout.root());
            tokenizers.train();
            Study study = StudyQueue.enqueue(store, spec.name(), SpecLoader.tree(file), tokenizers.runs());
            tokenizers.record(store, study);
            err.printf(
                    "study %s: %d runs; store %s; files %s%n",
                    spec.name(), runs.size(), store.displayUrl(), layout.root());
            StudyProgress done;
            if (executor == Executor.slurm) {
                SlurmExecutor slurm = new SlurmExecutor(
                        store,
                        url,
                        layout,
                        WorkerCommand.standard(),
                        new SlurmCluster(),
                        SlurmExecutor.Options.of(slurmOptions, retries));
                Optional<Long> job = slurm.submitUnclaimed(study);
                if (detach) {
                    System.out.println(
                            job.map(String::valueOf).orElse("nothing to submit: every unfinished run has a task"));
                    return 0;
                }
                err.println("following (Ctrl-C stops following, the jobs keep running; --cancel cancels them)");
                done = slurm.follow(study, new ProgressLine(err));
            } else {
                LocalExecutor local = new LocalExecutor(
                                store,
                                url,
                                layout,
                                WorkerCommand.standard().withCredentials(db.user(), db.password()),
                                localOptions)
                        .holding(lease);
                done = local.run(study.id(), new ProgressLine(err));
            }
            err.println();
            err.printf(
                    "study %s: %d of %d runs finished%s in %s%n",
                    spec.name(),
                    done.finished(),
                    done.total(),
                    done.failed() > 0 ? ", " + done.failed() + " failed or cancelled" : "",
                    StudyProgress.format(done.elapsed()));
            writeReport(store, spec.name(), layout, err);
            return done.failed() > 0 ? 1 : 0;
        }
    }

    /** Flags that cannot work fail before the study file is read or a store is opened. */
    private void checkOptions() {
        if (parallel != null && parallel < 1) {
            throw new WorkbenchException("--parallel = " + parallel + ": must be at least 1");
        }
        if (threads != null && threads < 1) {
            throw new WorkbenchException("--threads = " + threads + ": must be at least 1");
        }
        if (retries < 0) throw new WorkbenchException("--retries = " + retries + ": must not be negative");
        if (cpus != null && cpus < 1) throw new WorkbenchException("--cpus = " + cpus + ": must be at least 1");
    }

    /** The study's report in every format; a report that cannot be written is a warning, not the study's failure. */
    private static void writeReport(TrackingStore store, String studyName, StudyLayout layout, PrintStream err) {
        try {
            ReportCommand.write(store, studyName, layout.reportDir(), EnumSet.allOf(Format.class));
            err.printf(
                    "report: %s (%s)%n",
                    layout.reportDir(),
                    String.join(
                            ", ",
                            Arrays.stream(Format.values()).map(Format::fileName).toList()));
        } catch (WorkbenchException e) {
            err.println("warning: the report was not written: " + e.getMessage());
        }
    }

    /** Works for either executor: a local executor following the study stops the workers of cancelled runs. */
    private int cancel(
            TrackingStore store,
            String url,
            AblationSpec spec,
            StudyLayout layout,
            SlurmOptions slurmOptions,
            PrintStream err) {
        Study study = store.studies()
                .byName(spec.name())
                .orElseThrow(() -> new WorkbenchException("no study '" + spec.name() + "' in " + store.displayUrl()));
        SlurmExecutor.Cancelled cancelled = new SlurmExecutor(
                        store,
                        url,
                        layout,
                        WorkerCommand.standard(),
                        new SlurmCluster(),
                        SlurmExecutor.Options.of(slurmOptions, retries))
                .cancel(study);
        err.printf(
                "study %s: %d unfinished run%s cancelled%s%n",
                spec.name(),
                cancelled.runs(),
                cancelled.runs() == 1 ? "" : "s",
                cancelled.jobs().isEmpty()
                        ? ""
                        : "; scancelled job" + (cancelled.jobs().size() == 1 ? " " : "s ")
                                + cancelled.jobs().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return 0;
    }

    /** One line rewritten in place on a terminal; a plain line every 30 seconds otherwise. */
    static final class ProgressLine implements ExecutionListener {
        private final PrintStream out;
        private final boolean terminal = System.console() != null;
        private long lastPlain;
        private int lastWidth;

        ProgressLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public void progress(StudyProgress progress) {
            String line = progress.line();
            if (terminal) {
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                lastWidth = line.length();
                out.flush();
            } else if (System.nanoTime() - lastPlain > Duration.ofSeconds(30).toNanos()) {
                out.println(line);
                lastPlain = System.nanoTime();
            }
        }

        @Override
        public void runEnded(String runName, String status, String message) {
            if (terminal) out.println();
            out.println("run " + runName + ": " + status + (message == null ? "" : " (" + message + ")"));
        }
    }
}
