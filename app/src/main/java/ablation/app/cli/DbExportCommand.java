package ablation.app.cli;

import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.transfer.StudyExport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workbench db export}: a study as one JSON file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a study (configs, metrics, evaluations, samples, artifact rows) to a JSON file.")
public final class DbExportCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study to export.")
    String study;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "JSON file to write.")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        StudyNameOption.check("--study", study);
        if (Files.exists(out) && !force) {
            throw new StoreException(out + " exists: choose another --out or add --force to overwrite it");
        }
        try (TrackingStore store = db.openReadOnly()) {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, out.getFileName().toString(), ".partial");
            try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
                StudyExport.write(store, study, file);
            } catch (RuntimeException | IOException e) { // any failure: delete the partial file, then rethrow
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("exported study " + study + " ("
                    + store.runs().list(store.studies().require(study).id()).size() + " runs, " + Files.size(out)
                    + " bytes) to " + out);
        } catch (IOException e) {
            throw new StoreException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
