package ablation.app.gui.composer;

import ablation.core.spec.RunSpec;
import java.util.stream.Collectors;

/**
 * One run of the grid preview.
 *
 * @param lessons the lessons the run serves, {@code 1,3}, or empty
 * @param seconds estimated training time at the composer's throughput
 */
public record PreviewRow(
        String name, String lessons, long tokens, long steps, long parameters, double flops, double seconds) {
    static PreviewRow of(RunSpec run, double flopsPerSecond) {
        String lessons = run.lessons().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return new PreviewRow(
                run.name(),
                lessons,
                run.tokens(),
                run.steps(),
                run.parameters(),
                run.trainingFlops(),
                run.trainingFlops() / flopsPerSecond);
    }
}
