package ablation.reports.stats;

import ablation.reports.model.Evaluation;
import ablation.reports.model.ProblemResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-problem pass@k of an arm: one row per seed, one column per problem (the problems every
 * seed was evaluated on, in the first seed's order).
 *
 * @param values {@code [seeds][problems]}
 */
public record PassMatrix(List<String> taskIds, double[][] values) {
    public PassMatrix {
        taskIds = List.copyOf(taskIds);
        if (values.length == 0) throw new IllegalArgumentException("a pass matrix needs at least one seed");
        if (taskIds.isEmpty()) throw new IllegalArgumentException("a pass matrix needs at least one problem");
        for (double[] row : values) {
            if (row.length != taskIds.size()) throw new IllegalArgumentException("every seed needs a value per problem");
        }
    }

    /** pass@k of each seed's evaluation (same benchmark and mode) on the problems they share. */
    public static PassMatrix of(List<Evaluation> seeds, int k) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("a pass matrix needs at least one evaluation");
        Set<String> shared = new LinkedHashSet<>(seeds.get(0).problems().stream().map(ProblemResult::taskId).toList());
        for (Evaluation e : seeds) shared.retainAll(e.problems().stream().map(ProblemResult::taskId).collect(Collectors.toSet()));
        List<String> ids = new ArrayList<>(shared);
        double[][] values = new double[seeds.size()][ids.size()];
        for (int s = 0; s < seeds.size(); s++) {
            Map<String, ProblemResult> byId = seeds.get(s).problems().stream()
                    .collect(Collectors.toMap(ProblemResult::taskId, Function.identity()));
            for (int p = 0; p < ids.size(); p++) values[s][p] = PassAtK.of(byId.get(ids.get(p)), k);
        }
        return new PassMatrix(ids, values);
    }

    public int seeds() {
        return values.length;
    }

    public int problems() {
        return taskIds.size();
    }

    /** The mean over seeds and problems. */
    public double mean() {
        double sum = 0;
        for (double[] row : values) for (double v : row) sum += v;
        return sum / (seeds() * (double) problems());
    }
}
