package ablation.app.gui.studies;

import ablation.core.WorkbenchException;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Studies from files: the YAML files of a sample-config directory ({@code lesson*.yaml} are the
 * lesson templates, run configs such as {@code quick-train.yaml} run templates) and the study files
 * the user opened. Each is loaded and expanded to count its runs; one that does not validate is
 * listed with its error.
 */
public final class FileStudyCatalog implements StudyCatalog {
    private final Path samples;
    private final Set<Path> opened = new LinkedHashSet<>();

    /**
     * @param samples directory of sample studies; a missing directory lists none
     * @param opened study files opened before (from the window state), most recent first
     */
    public FileStudyCatalog(Path samples, Collection<Path> opened) {
        this.samples = samples;
        opened.forEach(p -> this.opened.add(p.toAbsolutePath().normalize()));
    }

    @Override
    public synchronized List<StudyEntry> studies() {
        List<StudyEntry> entries = new ArrayList<>();
        Set<Path> listed = new LinkedHashSet<>();
        for (Path file : sampleFiles()) {
            listed.add(file.toAbsolutePath().normalize());
            boolean template = file.getFileName().toString().startsWith("lesson");
            entries.add(describe(file, template ? StudyEntry.Origin.TEMPLATE : StudyEntry.Origin.SAMPLE));
        }
        for (Path file : opened) {
            if (listed.add(file) && Files.isRegularFile(file)) entries.add(describe(file, StudyEntry.Origin.FILE));
        }
        return entries;
    }

    @Override
    public synchronized void remember(Path file) {
        opened.add(file.toAbsolutePath().normalize());
    }

    private List<Path> sampleFiles() {
        if (!Files.isDirectory(samples)) return List.of();
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list sample studies in " + samples, e);
        }
    }

    private static StudyEntry describe(Path file, StudyEntry.Origin origin) {
        String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            if (RunTemplate.isRunConfig(SpecLoader.tree(file))) {
                AblationSpec spec = RunTemplate.study(file);
                return new StudyEntry(
                        spec.name(),
                        "a run config: opens as the base of a new study",
                        file,
                        StudyEntry.Origin.RUN_TEMPLATE,
                        GridExpander.expand(spec, false).size(),
                        "ready");
            }
            AblationSpec spec = SpecLoader.load(file);
            int runs = GridExpander.expand(spec, false).size();
            return new StudyEntry(spec.name(), spec.description(), file, origin, runs, "ready");
        } catch (WorkbenchException e) {
            return new StudyEntry(fallbackName, null, file, origin, -1, "invalid: " + e.getMessage());
        }
    }
}
