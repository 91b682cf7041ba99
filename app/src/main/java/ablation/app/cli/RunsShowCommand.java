package ablation.app.cli;

import ablation.experiments.executor.StudyLayout;
import ablation.reports.source.ConfigDiff;
import ablation.reports.source.RunOverview;
import ablation.reports.source.RunOverviews;
import ablation.storage.TrackingStore;
import ablation.storage.artifact.Artifact;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench runs show ID}: everything the store knows of one run. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one run: status and error, provenance, worker log, what it changes from its study's base, "
                + "metric summaries, evaluations, artifacts and its full config.")
public final class RunsShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "run id (the first column of runs list)")
    long id;

    @Option(
            names = "--json",
            description = "the run as JSON (the keys of runs list --json, plus config, provenance and log)")
    boolean json;

    @Option(
            names = "--study-dir",
            paramLabel = "DIR",
            description = "the study's --out directory, to find the worker log; "
                    + "default: beside the run's checkpoints, else ~/.workbench/studies/<study>")
    Path studyDir;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingStore store = db.openReadOnly()) {
            RunOverview overview = RunOverviews.of(store, id);
            List<Artifact> artifacts = store.artifacts().ofRun(id);
            Path log = workerLog(overview, artifacts);
            if (json) {
                out.println(RunsJson.pretty(RunsJson.detail(overview, log)));
                return 0;
            }
            Run run = overview.run();
            out.printf("run %d: %s (study %s)%n", run.id(), run.name(), overview.study());
            TextTable facts = new TextTable()
                    .row(
                            "status",
                            run.status().dbValue()
                                    + (run.error() == null
                                            ? ""
                                            : ": "
                                                    + run.error()
                                                            .lines()
                                                            .findFirst()
                                                            .orElse("")))
                    .row("seed", Long.toString(overview.seed()))
                    .row(
                            "lessons",
                            overview.lessons().isEmpty()
                                    ? "-"
                                    : overview.lessons().stream()
                                            .sorted()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(", ")))
                    .row("cell key", run.cellKey())
                    .row(
                            "times",
                            "created " + run.createdAt() + ", started " + orDash(run.startedAt()) + ", ended "
                                    + orDash(run.endedAt()) + ", last heartbeat " + orDash(run.heartbeatAt()))
                    .row("provenance", provenance(run.provenance()))
                    .row("worker log", log == null ? "unknown" : log + (Files.exists(log) ? "" : " (not found)"));
            out.print(facts);
            out.println();
            out.println("changes from the study's base:");
            if (overview.configDiff().isEmpty()) out.println("  none");
            TextTable diff = new TextTable();
            overview.configDiff().forEach((path, value) -> diff.row("  " + path, ConfigDiff.display(value)));
            out.print(diff);
            out.println();
            out.println("metrics (last, min, max, points):");
            List<MetricSummary> summaries = store.metrics().summaries(id);
            if (summaries.isEmpty()) out.println("  none logged");
            TextTable metrics = new TextTable();
            for (MetricSummary s : summaries) {
                metrics.row(
                        "  " + s.key(),
                        RunsListCommand.number(s.last()),
                        RunsListCommand.number(s.min()),
                        RunsListCommand.number(s.max()),
                        s.points()
                                + (s.points() == 1 ? " point" : " points")
                                + (s.nonFinite() > 0 ? ", " + s.nonFinite() + " NaN/inf" : ""));
            }
            out.print(metrics);
            out.println();
            out.println("evaluations (pass@k at the last evaluated checkpoint, 95% bootstrap interval over problems):");
            if (overview.passAtK().isEmpty()) out.println("  none");
            TextTable pass = new TextTable();
            overview.passAtK()
                    .forEach(p -> pass.row(
                            "  " + p.key(), p.estimate().format(3), p.problems() + " problems", "step " + p.step()));
            out.print(pass);
            if (!artifacts.isEmpty()) {
                out.println();
                out.println("artifacts:");
                TextTable files = new TextTable();
                artifacts.forEach(a -> files.row(
                        "  " + a.kind() + (a.step() == null ? "" : " (step " + a.step() + ")"),
                        a.path(),
                        String.format(java.util.Locale.ROOT, "%.1f MB", a.sizeBytes() / 1e6)));
                out.print(files);
            }
            if (run.error() != null && run.error().lines().count() > 1) {
                out.println();
                out.println("error:");
                run.error().lines().forEach(line -> out.println("  " + line));
            }
            out.println();
            out.println("config:");
            out.println(RunsJson.pretty(overview.config()));
        }
        return 0;
    }

    /**
     * The worker log ({@link StudyLayout#workerLog}): under {@code --study-dir}; else in the run
     * directory that holds its checkpoints; else under the default study directory.
     */
    private Path workerLog(RunOverview overview, List<Artifact> artifacts) {
        long runId = overview.run().id();
        if (studyDir != null) return new StudyLayout(studyDir.toAbsolutePath()).workerLog(runId);
        for (Artifact artifact : artifacts) {
            for (Path dir = Path.of(artifact.path()); dir != null; dir = dir.getParent()) {
                Path parent = dir.getParent();
                if (dir.getFileName() != null
                        && dir.getFileName().toString().equals(Long.toString(runId))
                        && parent != null
                        && parent.getFileName() != null
                        && parent.getFileName().toString().equals("runs")) {
                    return new StudyLayout(parent.getParent()).workerLog(runId);
                }
            }
        }
        return StudyLayout.defaultFor(overview.study()).workerLog(runId);
    }

    private static String provenance(Provenance p) {
        List<String> parts = new ArrayList<>();
        Stream.of(
                        label("app", p.appVersion()),
                        label("DJL", p.djlVersion()),
                        label("PyTorch", p.pytorchVersion()),
                        label("device", p.device()),
                        label("host", p.host()),
                        p.os(),
                        label("Java", p.javaVersion()))
                .filter(Objects::nonNull)
                .forEach(parts::add);
        return parts.isEmpty() ? "not recorded (the run never started)" : String.join(", ", parts);
    }

    private static String label(String name, String value) {
        return value == null ? null : name + " " + value;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
