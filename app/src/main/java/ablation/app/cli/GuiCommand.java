package ablation.app.cli;

import ablation.app.gui.Dialogs;
import ablation.app.gui.GuiLauncher;
import ablation.app.gui.GuiServices;
import ablation.app.gui.Section;
import ablation.app.gui.WindowStateStore;
import ablation.app.gui.studies.FileStudyCatalog;
import ablation.app.gui.studies.StudyCatalog;
import ablation.app.gui.studies.StudyEntry;
import ablation.engine.WorkbenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench gui}: the desktop app, or one of its views rendered to PNG. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop app (studies, composer, runs, compare, lessons), "
                + "or render one view to a PNG file headless with --screenshot.")
public final class GuiCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the tracking store.")
    String db;

    @Option(names = "--study", paramLabel = "NAME", description = "Study to open: a study file, or the name of a listed study.")
    String study;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Render --view to this PNG file and exit (no display needed).")
    Path screenshot;

    @Option(names = "--view", paramLabel = "VIEW", description = "View to show: studies, composer, runs, compare or lessons.")
    String view;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "sample-configs",
            description = "Directory of sample studies; lesson*.yaml are the templates (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--throughput", paramLabel = "FLOP/s", defaultValue = "2e10",
            description = "Training throughput the composer's time estimates assume (default: ${DEFAULT-VALUE}).")
    double throughput;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", description = "Screenshot size (default: ${DEFAULT-VALUE}).")
    String size;

    @Override
    public Integer call() throws InterruptedException {
        if (!(throughput > 0)) throw new WorkbenchException("--throughput must be a positive FLOP/s figure, not " + throughput);
        Optional<Section> section = Optional.ofNullable(view).map(Section::fromCliName);
        WindowStateStore stateStore = WindowStateStore.inHome();
        List<Path> opened = screenshot == null
                ? stateStore.load().openedStudies().stream().map(Path::of).toList() : List.of();
        StudyCatalog catalog = new FileStudyCatalog(samples, opened);
        Optional<Path> studyFile = Optional.ofNullable(study).map(name -> resolve(name, catalog));
        String store = db == null ? "not connected" : db + " (not connected yet)";
        GuiServices services = new GuiServices(catalog, Dialogs.standard(samples.toAbsolutePath()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), store, throughput);
        if (screenshot != null) {
            String[] wh = size.split("x");
            if (wh.length != 2 || !wh[0].matches("\\d+") || !wh[1].matches("\\d+")) {
                throw new WorkbenchException("--size must be WIDTHxHEIGHT, like 1280x800, not " + size);
            }
            GuiLauncher.screenshot(services, studyFile, section.orElse(Section.STUDIES), screenshot,
                    Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
            System.out.println(screenshot);
        } else {
            GuiLauncher.run(services, stateStore, studyFile, section);
        }
        return 0;
    }

    /** A study file, or the file of the listed study with that name. */
    private static Path resolve(String name, StudyCatalog catalog) {
        Path asFile = Path.of(name);
        if (Files.isRegularFile(asFile)) return asFile;
        List<StudyEntry> studies = catalog.studies();
        return studies.stream().filter(s -> s.name().equals(name)).map(StudyEntry::file).findFirst()
                .orElseThrow(() -> new WorkbenchException("no study file or listed study named " + name + (studies.isEmpty()
                        ? " (no studies are listed: see --samples)"
                        : "; listed studies: " + String.join(", ", studies.stream().map(StudyEntry::name).toList()))));
    }
}
