package ablation.reports.model;

/** One benchmark problem's outcome: {@code c} of {@code n} samples passed its tests. */
public record ProblemResult(String taskId, int n, int c) {
    public ProblemResult {
        if (taskId == null) throw new IllegalArgumentException("problem taskId is required");
        if (n < 1) throw new IllegalArgumentException("problem " + taskId + ": n = " + n + " must be at least 1");
        if (c < 0 || c > n) throw new IllegalArgumentException("problem " + taskId + ": c = " + c + " must be between 0 and n = " + n);
    }
}
