package ablation.app.gui.compare;

import java.util.List;

/** Runs compared as one arm: pooled over their seeds in the bands, the intervals and pass@k. */
public record RunGroup(String label, List<CompareRun> runs) {
    public RunGroup {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("group " + label + " has no runs");
    }

    public List<Long> ids() {
        return runs.stream().map(CompareRun::id).toList();
    }
}
