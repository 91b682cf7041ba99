package ablation.app.gui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the compare view forms its arms from a study's runs: the grid cells (seeds pooled), the
 * values of one config field (everything else pooled), or runs picked one by one.
 */
public final class Grouping {
    /** The field that tells seeds apart: never a reason to form an arm of its own in a cell label. */
    public static final String SEED = "train.seed";
    /** The run's name: a label, not a setting, so never part of a diff. */
    static final String NAME = "name";

    private Grouping() {}

    /** One arm per grid cell, named by the axis labels in which the cells differ ({@link ArmLabels}). */
    public static List<RunGroup> byCell(List<CompareRun> runs) {
        Map<String, List<CompareRun>> cells = new LinkedHashMap<>();
        runs.forEach(
                r -> cells.computeIfAbsent(r.cellKey(), k -> new ArrayList<>()).add(r));
        return named(List.copyOf(cells.values()), false);
    }

    /** One arm per value of {@code field}, in order of first appearance. */
    public static List<RunGroup> byField(List<CompareRun> runs, String field) {
        Map<String, List<CompareRun>> byValue = new LinkedHashMap<>();
        runs.forEach(r ->
                byValue.computeIfAbsent(r.value(field), k -> new ArrayList<>()).add(r));
        return byValue.entrySet().stream()
                .map(e -> new RunGroup(shortName(field) + "=" + e.getKey(), e.getValue()))
                .toList();
    }

    /** One arm per picked run, named by the axis labels (and seeds) in which the runs differ. */
    public static List<RunGroup> each(List<CompareRun> runs) {
        return named(runs.stream().map(List::of).toList(), true);
    }

    private static List<RunGroup> named(List<List<CompareRun>> arms, boolean withSeed) {
        List<String> labels = ArmLabels.of(arms, withSeed);
        List<RunGroup> groups = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) groups.add(new RunGroup(labels.get(i), arms.get(i)));
        return groups;
    }

    /** The config fields whose value is not the same in every run, in path order: what to group by. */
    public static List<String> varyingFields(List<CompareRun> runs) {
        return differingFields(runs.stream().map(List::of).toList());
    }

    /** Fields whose values (as a set per group) are not the same for every group. */
    static List<String> differingFields(List<List<CompareRun>> groups) {
        Set<String> fields = new java.util.TreeSet<>();
        groups.forEach(g -> g.forEach(r -> fields.addAll(r.config().keySet())));
        fields.remove(NAME);
        List<String> differing = new ArrayList<>();
        for (String field : fields) {
            if (groups.stream().map(g -> values(g, field)).distinct().count() > 1) differing.add(field);
        }
        return differing;
    }

    /** The group's values of a field, in run order without repeats, joined ({@code 1, 2, 3}). */
    static String values(List<CompareRun> group, String field) {
        Set<String> values = new LinkedHashSet<>();
        group.forEach(r -> values.add(r.value(field)));
        return String.join(", ", values);
    }

    /** {@code objective.fim} stays; {@code data.sources[0].weight} becomes {@code sources[0].weight}. */
    static String shortName(String field) {
        int dot = field.indexOf('.');
        return dot > 0 && field.substring(0, dot).equals("data") ? field.substring(dot + 1) : field;
    }
}
