package ablation.engine.benchmark;

import java.util.Objects;

/**
 * One execution-checked problem in the HumanEval format (docs/ARCHITECTURE.md, Evaluation and the sandbox). For
 * left-to-right problems {@code suffix} is empty; for HumanEval-Infilling tasks {@code prompt} is the
 * prefix, {@code canonicalSolution} the middle and {@code suffix} what follows it.
 *
 * @param test Python source defining {@code check(candidate)}
 * @param entryPoint the function name passed to {@code check}
 */
public record Problem(
        String taskId, String prompt, String suffix, String canonicalSolution, String test, String entryPoint) {
    public Problem {
        Objects.requireNonNull(taskId, "task_id");
        Objects.requireNonNull(prompt, "prompt");
        suffix = suffix == null ? "" : suffix;
        canonicalSolution = canonicalSolution == null ? "" : canonicalSolution;
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(entryPoint, "entry_point");
    }

    public boolean isInfill() {
        return !suffix.isEmpty();
    }

    /** The program that checks a completion: {@code prompt + completion + suffix + test + check(entry_point)}. */
    public String program(String completion) {
        return prompt + completion + suffix + "\n" + test + "\n" + "check(" + entryPoint + ")\n";
    }
}
