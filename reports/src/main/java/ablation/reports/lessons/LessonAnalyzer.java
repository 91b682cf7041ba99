package ablation.reports.lessons;

import static ablation.reports.lessons.VerdictRules.VERDICT_K;

import ablation.core.config.EvalMode;
import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.RunResult;
import ablation.reports.model.StudyResults;
import ablation.reports.stats.Bootstrap;
import ablation.reports.stats.Estimate;
import ablation.reports.stats.PassMatrix;
import ablation.reports.stats.SeedStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Computes each lesson's comparisons and verdict from a study's results (rules: {@link VerdictRules}). */
public final class LessonAnalyzer {
    private LessonAnalyzer() {}

    /** Every lesson the study designs, in lesson order. */
    public static List<LessonAnalysis> analyze(StudyResults study) {
        return study.lessons().stream().sorted(java.util.Comparator.comparing(LessonDesign::lesson))
                .map(d -> analyze(study, d)).toList();
    }

    public static LessonAnalysis analyze(StudyResults study, LessonDesign design) {
        List<ArmSummary> arms = design.arms().stream().map(a -> ArmSummary.of(study, a)).toList();
        String l2r = firstBenchmark(arms, EvalMode.L2R);
        String infill = firstBenchmark(arms, EvalMode.INFILL);
        List<Comparison> comparisons = new ArrayList<>();
        Verdict verdict = switch (design.lesson()) {
            case PREFIX_LM -> {
                Comparison c = passComparison(arms, design.arm(ArmRole.BASELINE), design.arm(ArmRole.TREATMENT), l2r, EvalMode.L2R, VerdictRules::noGain);
                comparisons.add(c);
                yield c.verdict();
            }
            case INFILL_COST -> acrossTreatments(arms, design, l2r, comparisons, VerdictRules::costs);
            case OBJECTIVE -> {
                Arm base = design.arm(ArmRole.BASELINE);
                Arm mix = design.arm(ArmRole.TREATMENT);
                comparisons.add(passComparison(arms, base, mix, l2r, EvalMode.L2R, VerdictRules::nonInferior));
                comparisons.add(passComparison(arms, base, mix, infill, EvalMode.INFILL, VerdictRules::gains));
                yield VerdictRules.allOf(comparisons.stream().map(Comparison::verdict).toList());
            }
            case MIXTURE -> {
                Arm mix = design.arm(ArmRole.TREATMENT);
                comparisons.add(passComparison(arms, design.arm(ArmRole.PL_ONLY), mix, l2r, EvalMode.L2R, VerdictRules::nonInferior));
                comparisons.add(bitsPerByteComparison(arms, design.arm(ArmRole.NL_ONLY), mix));
                yield VerdictRules.allOf(comparisons.stream().map(Comparison::verdict).toList());
            }
            case EPOCHS -> acrossTreatments(arms, design, l2r, comparisons, VerdictRules::nonInferior);
        };
        return new LessonAnalysis(design, arms, l2r, infill, comparisons, verdict);
    }

    /** Each treatment arm against the baseline, combined by {@link VerdictRules#acrossArms}. */
    private static Verdict acrossTreatments(List<ArmSummary> arms, LessonDesign design, String l2r, List<Comparison> into,
                                            BiFunction<String, Estimate, Verdict> rule) {
        Arm base = design.arm(ArmRole.BASELINE);
        List<Arm> treatments = design.arms(ArmRole.TREATMENT);
        for (Arm treatment : treatments) into.add(passComparison(arms, base, treatment, l2r, EvalMode.L2R, rule));
        return VerdictRules.acrossArms(treatments.stream().map(Arm::label).toList(), into.stream().map(Comparison::verdict).toList());
    }

    private static Comparison passComparison(List<ArmSummary> arms, Arm reference, Arm treatment, String benchmark, EvalMode mode,
                                             BiFunction<String, Estimate, Verdict> rule) {
        String what = "(" + treatment.label() + " - " + reference.label() + ") " + mode.title() + " pass@" + VERDICT_K
                + (benchmark == null ? "" : " on " + benchmark);
        if (benchmark == null) return new Comparison(what, null, Verdict.noData("no finished run of this lesson has a " + mode.title() + " evaluation"));
        PassMatrix ref = summary(arms, reference).passMatrix(benchmark, mode, VERDICT_K);
        PassMatrix treat = summary(arms, treatment).passMatrix(benchmark, mode, VERDICT_K);
        if (ref == null || treat == null) {
            Arm empty = ref == null ? reference : treatment;
            return new Comparison(what, null, Verdict.noData("arm " + empty.label() + " has no finished run with a " + benchmark + " " + mode.title() + " evaluation"));
        }
        Estimate diff = Bootstrap.difference(ref, treat);
        return new Comparison(what, diff, rule.apply(what, diff));
    }

    private static Comparison bitsPerByteComparison(List<ArmSummary> arms, Arm nlOnly, Arm mix) {
        String what = "(" + mix.label() + " - " + nlOnly.label() + ") NL bits per byte";
        double[] reference = summary(arms, nlOnly).bitsPerByte(Domain.NL);
        double[] treatment = summary(arms, mix).bitsPerByte(Domain.NL);
        if (reference.length == 0 || treatment.length == 0) {
            Arm empty = reference.length == 0 ? nlOnly : mix;
            return new Comparison(what, null, Verdict.noData("arm " + empty.label() + " has no finished run with NL bits per byte"));
        }
        Estimate diff = SeedStats.difference(reference, treatment);
        double referenceMean = java.util.Arrays.stream(reference).average().orElseThrow();
        return new Comparison(what, diff, VerdictRules.bitsPerByteClose(what, diff, referenceMean));
    }

    private static ArmSummary summary(List<ArmSummary> arms, Arm arm) {
        return arms.stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow();
    }

    /** The first benchmark in {@code mode} among the lesson's finished runs, in arm order. */
    private static String firstBenchmark(List<ArmSummary> arms, EvalMode mode) {
        for (ArmSummary arm : arms) {
            for (RunResult run : arm.finished()) {
                for (Evaluation e : run.metrics().evaluations()) {
                    if (e.mode() == mode) return e.benchmark();
                }
            }
        }
        return null;
    }
}
