package ablation.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-problem pass@k of an arm: one row per seed, one column per problem (the problems every seed
 * was evaluated on, in the first seed's order).
 *
 * @param values {@code [seeds][problems]}
 */
public record PassMatrix(List<String> taskIds, double[][] values) {
    public PassMatrix {
        taskIds = List.copyOf(taskIds);
        if (values.length == 0) throw new IllegalArgumentException("a pass matrix needs at least one seed");
        if (taskIds.isEmpty()) throw new IllegalArgumentException("a pass matrix needs at least one problem");
        for (double[] row : values) {
            if (row.length != taskIds.size())
                throw new IllegalArgumentException("every seed needs a value per problem");
        }
    }

    /** pass@k of each seed's problem counts (one benchmark and mode) on the problems every seed has. */
    public static PassMatrix of(List<List<ProblemCount>> bySeed, int k) {
        if (bySeed.isEmpty()) throw new IllegalArgumentException("a pass matrix needs at least one seed");
        List<Map<String, ProblemCount>> seeds = new ArrayList<>();
        for (List<ProblemCount> counts : bySeed) {
            Map<String, ProblemCount> byId = new HashMap<>();
            for (ProblemCount count : counts) {
                if (byId.put(count.taskId(), count) != null) {
                    throw new IllegalArgumentException("seed " + seeds.size() + " lists " + count.taskId() + " twice");
                }
            }
            seeds.add(byId);
        }
        Set<String> shared = new LinkedHashSet<>(
                bySeed.get(0).stream().map(ProblemCount::taskId).toList());
        seeds.forEach(s -> shared.retainAll(s.keySet()));
        List<String> ids = new ArrayList<>(shared);
        double[][] values = new double[seeds.size()][ids.size()];
        for (int s = 0; s < seeds.size(); s++) {
            for (int p = 0; p < ids.size(); p++)
                values[s][p] = PassAtK.of(seeds.get(s).get(ids.get(p)), k);
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
        return Arrays.stream(seedMeans()).average().orElseThrow();
    }

    /** Each seed's mean over the problems. */
    public double[] seedMeans() {
        return Arrays.stream(values)
                .mapToDouble(row -> Arrays.stream(row).average().orElseThrow())
                .toArray();
    }

    /** Each problem's mean over the seeds. */
    public double[] problemMeans() {
        double[] means = new double[problems()];
        for (double[] row : values) for (int p = 0; p < row.length; p++) means[p] += row[p] / seeds();
        return means;
    }

    /** The same seeds on the given problems (each must be one of this matrix's), in their order. */
    public PassMatrix restrictedTo(List<String> ids) {
        Map<String, Integer> column = new HashMap<>();
        for (int p = 0; p < taskIds.size(); p++) column.put(taskIds.get(p), p);
        double[][] kept = new double[seeds()][ids.size()];
        for (int p = 0; p < ids.size(); p++) {
            Integer from = column.get(ids.get(p));
            if (from == null) throw new IllegalArgumentException("problem " + ids.get(p) + " is not in the matrix");
            for (int s = 0; s < seeds(); s++) kept[s][p] = values[s][from];
        }
        return new PassMatrix(ids, kept);
    }
}
