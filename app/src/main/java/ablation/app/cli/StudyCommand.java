package ablation.app.cli;

import ablation.engine.WorkbenchException;
import ablation.experiments.executor.ExecutionListener;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.StudyLayout;
import ablation.experiments.executor.StudyProgress;
import ablation.experiments.executor.WorkerCommand;
import ablation.experiments.plan.StudyPlan;
import ablation.experiments.plan.ThroughputTable;
import ablation.experiments.queue.StudyQueue;
import ablation.experiments.spec.AblationSpec;
import ablation.experiments.spec.GridExpander;
import ablation.experiments.spec.RunSpec;
import ablation.experiments.spec.SpecLoader;
import ablation.reports.export.Format;
import ablation.storage.StoreException;
import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import ablation.storage.study.Study;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench study FILE}: expand, queue, train and evaluate every run, then report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a whole study headless (each run in its own worker process), then write its report. "
                + "Starting the same study again resumes it.")
public final class StudyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "study file, e.g. sample-configs/five-lessons-quick.yaml")
    Path file;

    @Option(names = "--db", paramLabel = "URL", description = "tracking store (JDBC URL or H2 file path); default $WORKBENCH_DB or ~/.workbench/workbench")
    String db;

    @Option(names = "--out", paramLabel = "DIR", description = "study directory (runs, checkpoints, report); default ~/.workbench/studies/<name>")
    Path out;

    @Option(names = "--dry-run", description = "print the grid, each run's compute and estimated time here, and stop")
    boolean dryRun;

    @Option(names = "--force", description = "allow more than " + GridExpander.MAX_RUNS_WITHOUT_FORCE + " runs")
    boolean force;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "runs trained at once (threads are split between them); default ${DEFAULT-VALUE}")
    int parallel;

    @Option(names = "--threads", paramLabel = "N", description = "threads for all runs together; default: the machine's cores")
    Integer threads;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2", description = "relaunches of a run whose worker crashed; default ${DEFAULT-VALUE}")
    int retries;

    @Override
    public Integer call() {
        AblationSpec spec = SpecLoader.load(file);
        List<RunSpec> runs = GridExpander.expand(spec, force);
        PrintStream err = System.err;
        if (dryRun) {
            System.out.print(StudyPlan.of(spec.name(), runs, ThroughputTable.atDefaultLocation()).table());
            return 0;
        }
        String url = StoreLocation.resolve(db);
        StudyLayout layout = out != null ? new StudyLayout(out.toAbsolutePath()) : StudyLayout.defaultFor(spec.name());
        try (TrackingStore store = TrackingStore.open(url)) {
            Study study = StudyQueue.enqueue(store, spec.name(), SpecLoader.tree(file), runs);
            err.printf("study %s: %d runs; store %s; files %s%n", spec.name(), runs.size(), store.displayUrl(), layout.root());
            LocalExecutor.Options defaults = LocalExecutor.Options.defaults();
            LocalExecutor executor = new LocalExecutor(store, url, layout, WorkerCommand.standard(),
                    new LocalExecutor.Options(parallel, threads != null ? threads : defaults.threads(), retries,
                            defaults.staleAfter(), defaults.poll()));
            StudyProgress done = executor.run(study.id(), new ProgressLine(err));
            err.println();
            err.printf("study %s: %d of %d runs finished%s in %s%n", spec.name(), done.finished(), done.total(),
                    done.failed() > 0 ? ", " + done.failed() + " failed or cancelled" : "", StudyProgress.format(done.elapsed()));
            writeReport(store, spec.name(), layout, err);
            return done.failed() > 0 ? 1 : 0;
        }
    }

    /** The study's report in every format; a report that cannot be written is a warning, not the study's failure. */
    private static void writeReport(TrackingStore store, String studyName, StudyLayout layout, PrintStream err) {
        try {
            ReportCommand.write(store, studyName, layout.reportDir(), EnumSet.allOf(Format.class));
            err.printf("report: %s (%s)%n", layout.reportDir(),
                    String.join(", ", Arrays.stream(Format.values()).map(Format::fileName).toList()));
        } catch (WorkbenchException | StoreException e) {
            err.println("warning: the report was not written: " + e.getMessage());
        }
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
