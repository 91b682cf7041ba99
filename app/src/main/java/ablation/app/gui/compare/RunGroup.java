package ablation.app.gui.compare;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs compared as one arm: pooled over their seeds in the bands, the intervals and pass@k.
 *
 * @param label the arm's short name ({@code fim=0.5}), as legends and tables show it
 */
public record RunGroup(String label, List<CompareRun> runs) {
    public RunGroup {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("group " + label + " has no runs");
    }

    public List<Long> ids() {
        return runs.stream().map(CompareRun::id).toList();
    }

    /**
     * The arm's full config, a line per path ({@code objective.fim = 0.5}; where its runs differ,
     * each value once: {@code train.seed = 1, 2, 3}), under the label and the runs: the tooltip of the label.
     */
    public String details() {
        Set<String> fields = new TreeSet<>();
        runs.forEach(r -> fields.addAll(r.config().keySet()));
        StringBuilder text = new StringBuilder(label)
                .append("\nruns: ")
                .append(String.join(", ", runs.stream().map(CompareRun::name).toList()));
        for (String field : fields) {
            if (field.equals(Grouping.NAME)) continue;
            text.append('\n').append(field).append(" = ").append(Grouping.values(runs, field));
        }
        return text.toString();
    }
}
