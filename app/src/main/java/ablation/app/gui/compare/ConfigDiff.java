package ablation.app.gui.compare;

import java.util.List;

/**
 * The config fields in which the compared arms differ, and each arm's value: all other fields are
 * equal everywhere and left out. An arm whose runs differ among themselves (its seeds) shows each
 * value once ({@code 1, 2, 3}).
 *
 * @param values per row the arms' values, in arm order
 */
public record ConfigDiff(List<String> arms, List<String> fields, List<List<String>> values) {
    public static ConfigDiff of(List<RunGroup> groups) {
        List<List<CompareRun>> runs = groups.stream().map(RunGroup::runs).toList();
        List<String> fields = Grouping.differingFields(runs);
        List<List<String>> values = fields.stream()
                .map(f -> runs.stream().map(g -> Grouping.values(g, f)).toList())
                .toList();
        return new ConfigDiff(groups.stream().map(RunGroup::label).toList(), fields, values);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
