package ablation.app.cli;

import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.study.Study;
import ablation.storage.transfer.StudyImport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench db import}: a study exported by {@code db export}, as a new study. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Read a study exported by 'db export' into the store, as a new study.")
public final class DbImportCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Parameters(paramLabel = "FILE", description = "JSON file written by 'workbench db export'.")
    Path file;

    @Option(names = "--as", paramLabel = "NAME", description = "Name for the imported study (default: its own).")
    String name;

    @Override
    public Integer call() {
        StudyNameOption.check("--as", name);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no file " + file + " to import");
        }
        try (TrackingStore store = db.open();
                InputStream in = Files.newInputStream(file)) {
            Study study = StudyImport.read(store, in, name, file.toString());
            System.out.println("imported study " + study.name() + " ("
                    + store.runs().list(study.id()).size() + " runs) into " + store.displayUrl());
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
