package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.experiments.executor.StudyLayout;
import ablation.reports.export.Format;
import ablation.reports.export.ReportWriter;
import ablation.reports.source.StudyResultsLoader;
import ablation.storage.TrackingStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench report --study NAME}: the lesson report of a study, from the tracking store. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Write a study's lesson report (claims, measurements with intervals, verdicts, runs) from the tracking store. "
                        + "Prints the files written.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--study", required = true, paramLabel = "NAME", description = "the study's name")
    String study;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "directory for the report; default ~/.workbench/studies/<name>/report")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "LIST",
            defaultValue = "html,md,pdf",
            description = "any of html, md, pdf, comma-separated; default ${DEFAULT-VALUE}")
    String format;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyNameOption.check("--study", study);
        Set<Format> formats;
        try {
            formats = Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException("--format " + format + ": " + e.getMessage());
        }
        Path dir = out != null ? out : StudyLayout.defaultFor(study).reportDir();
        try (TrackingStore store = db.openReadOnly()) {
            write(store, study, dir, formats).forEach(spec.commandLine().getOut()::println);
        }
        return 0;
    }

    /** Loads the study's results and writes its report; every file written. */
    static List<Path> write(TrackingStore store, String studyName, Path dir, Set<Format> formats) {
        try {
            return ReportWriter.write(StudyResultsLoader.load(store, studyName), dir, formats);
        } catch (UncheckedIOException e) {
            throw new WorkbenchException(e.getMessage(), e);
        }
    }
}
