package ablation.app.cli;

import ablation.storage.TrackingStore;
import ablation.storage.transfer.CsvExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workbench db csv}: a study's tables as CSV files. */
@Command(
        name = "csv",
        mixinStandardHelpOptions = true,
        description = "Write a study's runs, parameters, metric points, summaries and evaluations as CSV files.")
public final class DbCsvCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study to write.")
    String study;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the CSV files.")
    Path out;

    @Override
    public Integer call() {
        StudyNameOption.check("--study", study);
        try (TrackingStore store = db.openReadOnly()) {
            for (Path file : CsvExport.write(store, study, out)) {
                System.out.println(file);
            }
        }
        return 0;
    }
}
