package ablation.reports;

import ablation.core.config.EvalMode;
import ablation.core.metric.MetricKeys;
import ablation.core.stats.ProblemCount;
import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.BitsPerByte;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.Lesson;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.LossPoint;
import ablation.reports.model.Provenance;
import ablation.reports.model.RunMetrics;
import ablation.reports.model.RunResult;
import ablation.reports.model.RunStatus;
import ablation.reports.model.StudyResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A constructed five-lesson study: two seeds per arm, 30 problems of n = 10 samples, an infill arm
 * whose runs failed (seed 1) and never ran (seed 2). Per-problem counts are binomial draws around
 * a quality per arm, from fixed seeds.
 */
public final class StudyFixture {
    public static final String L2R = "desk-l2r";
    public static final String INFILL = "desk-infill";
    public static final int PROBLEMS = 30;
    public static final int N = 10;
    public static final List<Integer> KS = List.of(1, 5, 10);

    private StudyFixture() {}

    public static StudyResults study() {
        List<RunResult> runs = new ArrayList<>();
        for (long seed : new long[] {1, 2}) {
            runs.add(run("clm", seed, Set.of(1, 2, 3, 4, 5), Map.of(), 0.0, -3.0, 1.20, 2.00, 3.0));
            runs.add(run(
                    "plm",
                    seed,
                    Set.of(1),
                    Map.of("model.arch", "prefix_lm", "objective.prefix_lm", "1.0", "objective.clm", "0.0"),
                    0.0,
                    -3.0,
                    1.21,
                    2.01,
                    3.0));
            runs.add(run(
                    "fim=0.5",
                    seed,
                    Set.of(2),
                    Map.of("objective.fim", "0.5", "objective.clm", "0.5"),
                    -0.3,
                    0.5,
                    1.22,
                    2.02,
                    3.05));
            runs.add(run(
                    "clm+sc",
                    seed,
                    Set.of(3),
                    Map.of("objective.span_corruption", "0.5", "objective.clm", "0.5"),
                    -0.05,
                    0.8,
                    1.22,
                    2.02,
                    3.05));
            runs.add(run(
                    "nl",
                    seed,
                    Set.of(4),
                    Map.of("data.sources[0].weight", "0.0", "data.sources[1].weight", "1.0"),
                    -2.5,
                    -3.0,
                    2.50,
                    1.30,
                    3.2));
            runs.add(run(
                    "mix",
                    seed,
                    Set.of(4),
                    Map.of("data.sources[0].weight", "0.5", "data.sources[1].weight", "0.5"),
                    -0.2,
                    -3.0,
                    1.28,
                    1.34,
                    3.1));
            runs.add(run(
                    "epochs=2",
                    seed,
                    Set.of(5),
                    Map.of("data.sources[0].max_tokens", "1000000"),
                    -0.05,
                    -3.0,
                    1.21,
                    2.0,
                    3.0));
            runs.add(run(
                    "epochs=4",
                    seed,
                    Set.of(5),
                    Map.of("data.sources[0].max_tokens", "500000"),
                    -0.2,
                    -3.0,
                    1.23,
                    2.0,
                    3.0));
        }
        runs.add(new RunResult(
                "fim=0.9,seed=1",
                RunStatus.FAILED,
                "out of memory at step 120",
                1,
                "cell-fim09",
                Set.of(2),
                Map.of("objective.fim", "0.9", "objective.clm", "0.1"),
                config("fim=0.9,seed=1"),
                provenance(),
                new RunMetrics(loss(1, 3.0, 6), List.of(), List.of(), Map.of())));
        runs.add(new RunResult(
                "fim=0.9,seed=2",
                RunStatus.MISSING,
                "never started",
                2,
                "cell-fim09",
                Set.of(2),
                Map.of("objective.fim", "0.9", "objective.clm", "0.1"),
                null,
                null,
                null));
        List<LessonDesign> lessons = List.of(
                new LessonDesign(
                        Lesson.PREFIX_LM,
                        "model.arch",
                        List.of(
                                arm("causal", ArmRole.BASELINE, Double.NaN, "clm"),
                                arm("prefix_lm", ArmRole.TREATMENT, Double.NaN, "plm"))),
                new LessonDesign(
                        Lesson.INFILL_COST,
                        "objective.fim",
                        List.of(
                                arm("fim=0", ArmRole.BASELINE, 0, "clm"),
                                arm("fim=0.5", ArmRole.TREATMENT, 0.5, "fim=0.5"),
                                arm("fim=0.9", ArmRole.TREATMENT, 0.9, "fim=0.9"))),
                new LessonDesign(
                        Lesson.OBJECTIVE,
                        "objective",
                        List.of(
                                arm("clm", ArmRole.BASELINE, Double.NaN, "clm"),
                                arm("clm+sc", ArmRole.TREATMENT, Double.NaN, "clm+sc"))),
                new LessonDesign(
                        Lesson.MIXTURE,
                        "data.sources[].weight",
                        List.of(
                                arm("PL only", ArmRole.PL_ONLY, 1.0, "clm"),
                                arm("NL only", ArmRole.NL_ONLY, 0.0, "nl"),
                                arm("50/50", ArmRole.TREATMENT, 0.5, "mix"))),
                new LessonDesign(
                        Lesson.EPOCHS,
                        "epochs",
                        List.of(
                                arm("1 epoch", ArmRole.BASELINE, 1, "clm"),
                                arm("2 epochs", ArmRole.TREATMENT, 2, "epochs=2"),
                                arm("4 epochs", ArmRole.TREATMENT, 4, "epochs=4"))));
        return new StudyResults(
                "fixture-study",
                "A constructed study for the report tests.",
                "{\"model\": {\"arch\": \"causal\"}, \"objective\": {\"clm\": 1.0}}",
                runs,
                lessons);
    }

    /** An arm over seeds 1 and 2 of {@code run} (or over the single named run when it has a seed). */
    private static Arm arm(String label, ArmRole role, double level, String run) {
        return new Arm(label, role, level, List.of(run + ",seed=1", run + ",seed=2"));
    }

    private static RunResult run(
            String arm,
            long seed,
            Set<Integer> lessons,
            Map<String, String> diff,
            double l2rQuality,
            double infillQuality,
            double plBpb,
            double nlBpb,
            double finalLoss) {
        String name = arm + ",seed=" + seed;
        List<Evaluation> evaluations = List.of(
                evaluation(L2R, EvalMode.L2R, l2rQuality, seed * 31 + arm.hashCode()),
                evaluation(INFILL, EvalMode.INFILL, infillQuality, seed * 37 + arm.hashCode()));
        double jitter = (seed - 1.5) * 0.01;
        List<BitsPerByte> bpb = List.of(
                new BitsPerByte("python", Domain.PL, plBpb + jitter),
                new BitsPerByte("english", Domain.NL, nlBpb - jitter));
        RunMetrics metrics = new RunMetrics(
                loss(seed, finalLoss, 20),
                evaluations,
                bpb,
                Map.of(
                        MetricKeys.UNDERSTANDING,
                        0.6 + jitter,
                        MetricKeys.low(MetricKeys.UNDERSTANDING),
                        0.55 + jitter,
                        MetricKeys.high(MetricKeys.UNDERSTANDING),
                        0.65 + jitter));
        return new RunResult(
                name,
                RunStatus.FINISHED,
                null,
                seed,
                "cell-" + arm,
                lessons,
                diff,
                config(name),
                provenance(),
                metrics);
    }

    /** Problem difficulty spread over [-2, 2]; a problem passes a sample with sigmoid(quality - difficulty). */
    public static Evaluation evaluation(String benchmark, EvalMode mode, double quality, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ProblemCount> problems = new ArrayList<>();
        for (int i = 0; i < PROBLEMS; i++) {
            double difficulty = -2 + 4.0 * i / (PROBLEMS - 1) + 1.0;
            double p = 1 / (1 + Math.exp(-(quality - difficulty)));
            int c = 0;
            for (int s = 0; s < N; s++) if (random.nextDouble() < p) c++;
            problems.add(new ProblemCount(benchmark + "/" + i, N, c));
        }
        return new Evaluation(benchmark, mode, KS, problems);
    }

    private static List<LossPoint> loss(long seed, double finalLoss, int points) {
        List<LossPoint> loss = new ArrayList<>();
        for (int i = 1; i <= points; i++) {
            loss.add(new LossPoint(i * 100_000L, finalLoss + 5.0 * Math.exp(-i / 4.0) + 0.03 * Math.sin(i * seed)));
        }
        return loss;
    }

    private static String config(String name) {
        return "{\n  \"name\": \"" + name + "\",\n  \"train\": {\"tokens\": 2000000, \"seed\": "
                + name.charAt(name.length() - 1) + "}\n}";
    }

    private static Provenance provenance() {
        return new Provenance(
                "0.1.0",
                "0.36.0",
                "2.7.1",
                "cpu",
                "desk",
                "17.0.15",
                Instant.parse("2025-01-01T10:00:00Z"),
                Instant.parse("2025-01-01T10:05:00Z"));
    }
}
