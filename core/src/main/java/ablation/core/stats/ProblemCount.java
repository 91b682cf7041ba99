package ablation.core.stats;

import java.util.Objects;

/** The raw outcome of sampling one problem: {@code n} programs executed, {@code correct} of them passed. */
public record ProblemCount(String taskId, int n, int correct) {
    public ProblemCount {
        Objects.requireNonNull(taskId, "taskId");
        if (n < 1) throw new IllegalArgumentException(taskId + ": n = " + n + " must be at least 1");
        if (correct < 0 || correct > n) {
            throw new IllegalArgumentException(taskId + ": correct = " + correct + " must be in [0, n = " + n + "]");
        }
    }
}
