package ablation.reports.export;

import java.util.List;

/** A whole report, independent of its format. */
public record ReportContent(String title, String subtitle, List<Section> sections) {
    public ReportContent {
        sections = List.copyOf(sections);
    }

    /** Every block of a kind, in order, across sections. */
    public <T extends Block> List<T> blocks(Class<T> kind) {
        return sections.stream()
                .flatMap(s -> s.blocks().stream())
                .filter(kind::isInstance)
                .map(kind::cast)
                .toList();
    }
}
