package ablation.reports.lessons;

import ablation.core.config.EvalMode;
import ablation.reports.model.LessonDesign;
import java.util.List;

/**
 * What the report says about one lesson.
 *
 * @param l2rBenchmark the left-to-right benchmark the verdict uses (the first found), or null
 * @param infillBenchmark the infill benchmark the verdict uses, or null
 * @param infillMode the infill mode the verdict uses ({@code infill-line} where the study sampled it)
 * @param comparisons the differences the verdict rests on, each with its own verdict
 */
public record LessonAnalysis(
        LessonDesign design,
        List<ArmSummary> arms,
        String l2rBenchmark,
        String infillBenchmark,
        EvalMode infillMode,
        List<Comparison> comparisons,
        Verdict verdict) {
    public LessonAnalysis {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }

    public ArmSummary arm(String label) {
        return arms.stream().filter(a -> a.label().equals(label)).findFirst().orElseThrow();
    }
}
