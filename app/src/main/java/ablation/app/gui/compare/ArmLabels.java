package ablation.app.gui.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Short names for arms in the study's own vocabulary: a run is named by its axes' labels
 * ({@code arch=prefix_lm,obj=clm+sc,seed=2}), and an arm is named by the {@code axis=label} parts
 * of its runs' names that tell it from the other arms ({@code arch=prefix_lm}). The full config
 * goes in a tooltip ({@link RunGroup#details()}); config paths never make a legend.
 */
final class ArmLabels {
    private static final String SEED = "seed";
    /** A comma that starts the next {@code name=label} part: a label may hold commas of its own. */
    private static final Pattern PART = Pattern.compile(",(?=[^,=]+=)");

    private ArmLabels() {}

    /**
     * One label per arm, in order, each unique.
     *
     * @param withSeed whether the seed can tell arms apart (runs picked one by one) or is pooled (cells)
     */
    static List<String> of(List<List<CompareRun>> arms, boolean withSeed) {
        List<Map<String, String>> parts =
                arms.stream().map(arm -> parts(arm, withSeed)).toList();
        Set<String> keys = new LinkedHashSet<>();
        parts.forEach(p -> keys.addAll(p.keySet()));
        List<String> differing = keys.stream()
                .filter(k -> parts.stream().map(p -> p.get(k)).distinct().count() > 1)
                .toList();
        List<String> labels = new ArrayList<>();
        for (Map<String, String> arm : parts) {
            List<String> shown =
                    arm.keySet().stream().filter(differing::contains).toList();
            labels.add(join(arm, shown.isEmpty() ? List.copyOf(arm.keySet()) : shown));
        }
        if (new HashSet<>(labels).size() == labels.size()) return labels;
        // two arms alike in their names (a config variant without an axis of its own): the full names
        List<String> full = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String label = join(parts.get(i), List.copyOf(parts.get(i).keySet()));
            full.add(full.contains(label) ? label + " #" + (i + 1) : label);
        }
        return full;
    }

    /** The arm's name parts in order: each part's labels over its runs, joined ({@code 1, 2}). */
    private static Map<String, String> parts(List<CompareRun> arm, boolean withSeed) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (CompareRun run : arm) {
            for (String part : PART.split(run.name())) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq);
                if (!withSeed && key.equals(SEED)) continue;
                values.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(eq < 0 ? "" : part.substring(eq + 1));
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        values.forEach((key, set) -> joined.put(key, String.join(", ", set)));
        return joined;
    }

    private static String join(Map<String, String> parts, List<String> keys) {
        List<String> shown = keys.stream()
                .map(k -> Objects.requireNonNull(parts.get(k)).isEmpty() ? k : k + "=" + parts.get(k))
                .toList();
        return String.join(", ", shown);
    }
}
