package ablation.app.cli;

import ablation.app.gui.Dialogs;
import ablation.app.gui.GuiLauncher;
import ablation.app.gui.GuiServices;
import ablation.app.gui.Section;
import ablation.app.gui.WindowStateStore;
import ablation.app.gui.store.StoreServices;
import ablation.app.gui.store.StudyFiles;
import ablation.app.gui.studies.FileStudyCatalog;
import ablation.app.gui.studies.StudyCatalog;
import ablation.app.gui.studies.StudyEntry;
import ablation.core.WorkbenchException;
import ablation.experiments.executor.WorkerCommand;
import ablation.storage.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workbench gui}: the desktop app, or one of its views rendered to PNG. */
@Command(
        name = "gui",
        mixinStandardHelpOptions = true,
        description = "Open the desktop app (studies, composer, runs, compare, lessons), "
                + "or render one view to a PNG file headless with --screenshot.")
public final class GuiCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(
            names = "--study",
            paramLabel = "NAME",
            description =
                    "Study to open: a study file, or the name of a listed study (a file, or a study in the store).")
    String study;

    @Option(
            names = "--screenshot",
            paramLabel = "FILE",
            description = "Render --view to this PNG file and exit (no display needed).")
    Path screenshot;

    @Option(
            names = "--view",
            paramLabel = "VIEW",
            description = "View to show: studies, composer, runs, compare or lessons.")
    String view;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            defaultValue = "sample-configs",
            description = "Directory of sample studies; lesson*.yaml and run configs (such as quick-train.yaml) "
                    + "are the templates (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(
            names = "--throughput",
            paramLabel = "FLOP/s",
            defaultValue = "2e10",
            description = "Training throughput the composer's time estimates assume (default: ${DEFAULT-VALUE}).")
    double throughput;

    @Option(
            names = "--size",
            paramLabel = "WxH",
            defaultValue = "1280x800",
            description = "Screenshot size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(
            names = "--studies",
            paramLabel = "DIR",
            description =
                    "Where launched studies keep their runs, checkpoints and worker logs, one directory per study "
                            + "(default: ~/.workbench/studies).")
    Path studies;

    @Override
    public Integer call() throws InterruptedException {
        if (!(throughput > 0))
            throw new WorkbenchException("--throughput must be a positive FLOP/s figure, not " + throughput);
        Optional<Section> section = Optional.ofNullable(view).map(Section::fromCliName);
        int[] wh = screenshot == null ? null : size();
        WindowStateStore stateStore = WindowStateStore.inHome();
        List<Path> opened = screenshot == null
                ? stateStore.load().openedStudies().stream().map(Path::of).toList()
                : List.of();
        StudyCatalog files = new FileStudyCatalog(samples, opened);
        Dialogs dialogs = Dialogs.standard(samples.toAbsolutePath());
        StudyFiles studyFiles = studies == null ? StudyFiles.inHome() : new StudyFiles(studies.toAbsolutePath());
        String url = db.url();
        StoreServices store;
        try {
            store = StoreServices.of(
                    db.open(), url, studyFiles, WorkerCommand.standard().withCredentials(db.user(), db.password()));
        } catch (StoreException e) {
            // without --db the app still composes studies; a store asked for by name must open
            if (db.db != null || screenshot != null) throw e;
            System.err.println("warning: the tracking store is not connected: " + e.getMessage());
            run(
                    new GuiServices(
                            files,
                            dialogs,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            "not connected (" + e.getMessage() + ")",
                            throughput),
                    files,
                    section,
                    wh);
            return 0;
        }
        try (store) {
            GuiServices services = store.services(files, dialogs, throughput);
            run(services, services.catalog(), section, wh);
        }
        return 0;
    }

    private void run(GuiServices services, StudyCatalog catalog, Optional<Section> section, int[] wh)
            throws InterruptedException {
        Optional<Path> studyFile = Optional.empty();
        Optional<String> storedStudy = Optional.empty();
        if (study != null) {
            StudyEntry entry = resolve(study, catalog);
            if (entry.file() != null) studyFile = Optional.of(entry.file());
            else storedStudy = Optional.of(entry.name());
        }
        if (screenshot != null) {
            GuiLauncher.screenshot(
                    services, studyFile, storedStudy, section.orElse(Section.STUDIES), screenshot, wh[0], wh[1]);
            System.out.println(screenshot);
        } else {
            GuiLauncher.run(services, WindowStateStore.inHome(), studyFile, storedStudy, section);
        }
    }

    private int[] size() {
        String[] wh = size.split("x");
        if (wh.length != 2 || !wh[0].matches("\\d+") || !wh[1].matches("\\d+")) {
            throw new WorkbenchException("--size must be WIDTHxHEIGHT, like 1280x800, not " + size);
        }
        return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
    }

    /** A study file, or the listed study with that name (its file, or a study in the store only). */
    private static StudyEntry resolve(String name, StudyCatalog catalog) {
        Path asFile = Path.of(name);
        if (Files.isRegularFile(asFile)) {
            return new StudyEntry(name, null, asFile, StudyEntry.Origin.FILE, 0, "");
        }
        List<StudyEntry> studies = catalog.studies();
        return studies.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new WorkbenchException("no study file or listed study named " + name
                        + (studies.isEmpty()
                                ? " (no studies are listed: see --samples and --db)"
                                : "; listed studies: "
                                        + String.join(
                                                ", ",
                                                studies.stream()
                                                        .map(StudyEntry::name)
                                                        .toList()))));
    }
}
