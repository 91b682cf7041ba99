package ablation.app.gui.composer;

import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import java.util.List;

/**
 * The study as it would run: the spec read back from the YAML the composer would save (so preview
 * and file cannot differ), its runs and their compute.
 */
public record Preview(AblationSpec spec, List<PreviewRow> rows) {
    public Preview {
        rows = List.copyOf(rows);
    }

    /** Parses and expands a study; throws the spec's or the grid's error. Runs off the FX thread. */
    static Preview of(String studyYaml, double flopsPerSecond) {
        AblationSpec spec = SpecLoader.parse(studyYaml);
        List<PreviewRow> rows = GridExpander.expand(spec, false).stream()
                .map(r -> PreviewRow.of(r, flopsPerSecond))
                .toList();
        return new Preview(spec, rows);
    }

    public double totalFlops() {
        return rows.stream().mapToDouble(PreviewRow::flops).sum();
    }

    public double totalSeconds() {
        return rows.stream().mapToDouble(PreviewRow::seconds).sum();
    }
}
