package ablation.reports.lessons;

import static ablation.reports.lessons.VerdictRules.VERDICT_K;
import static ablation.reports.lessons.VerdictRules.VERDICT_TEMPERATURE;

import ablation.core.config.EvalMode;
import ablation.core.metric.MetricKeys;
import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.Intervals;
import ablation.core.stats.PassMatrix;
import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.RunResult;
import ablation.reports.model.StudyResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Computes each lesson's comparisons and verdict from a study's results. What each lesson compares:
 * <ol>
 *   <li>prefix-LM against causal: no gain on L2R pass@1, infill pass@1 and the understanding metric
 *       ({@value MetricKeys#UNDERSTANDING}), every one ({@link VerdictRules#every});</li>
 *   <li>each infill rate against causal LM only: a cost on L2R pass@1 or on held-out PL bits per byte,
 *       for some rate and metric ({@link VerdictRules#some});</li>
 *   <li>the 50/50 causal LM + span corruption mix against causal LM: no loss on L2R pass@1 and a gain
 *       on infill pass@1, both;</li>
 *   <li>the NL/PL mix against each domain model in its own domain: no loss on L2R pass@1 and PL bits
 *       per byte against the PL model, no loss on NL bits per byte and on the last-word test
 *       ({@value MetricKeys#LAST_WORD}) against the NL model, every one;</li>
 *   <li>more epochs over the same data against one epoch: a gain on L2R pass@1, for some number of
 *       epochs.</li>
 * </ol>
 * pass@1 is read at T = {@value VerdictRules#VERDICT_TEMPERATURE} where the study sampled it; infill in
 * {@code infill-line} mode where the study sampled it ({@link #verdictInfillMode}).
 * Margins are the design's fraction of the reference arm's value; intervals come from {@link Intervals}.
 */
public final class LessonAnalyzer {
    private LessonAnalyzer() {}

    /** Every lesson the study designs, in lesson order. */
    public static List<LessonAnalysis> analyze(StudyResults study) {
        return study.lessons().stream()
                .sorted(Comparator.comparing(LessonDesign::lesson))
                .map(d -> analyze(study, d))
                .toList();
    }

    public static LessonAnalysis analyze(StudyResults study, LessonDesign design) {
        List<ArmSummary> arms =
                design.arms().stream().map(a -> ArmSummary.of(study, a)).toList();
        EvalMode infillMode = verdictInfillMode(arms);
        Parts parts = new Parts(
                arms,
                design,
                verdictBenchmark(arms, EvalMode.L2R),
                verdictBenchmark(arms, infillMode),
                infillMode,
                Intervals.DEFAULT.settings());
        List<Comparison> comparisons = new ArrayList<>();
        Verdict verdict = switch (design.lesson()) {
            case PREFIX_LM -> {
                Arm base = design.arm(ArmRole.BASELINE);
                Arm prefix = design.arm(ArmRole.TREATMENT);
                comparisons.add(parts.pass(base, prefix, EvalMode.L2R, Claim.NO_GAIN));
                comparisons.add(parts.pass(base, prefix, infillMode, Claim.NO_GAIN));
                comparisons.add(parts.scalar(base, prefix, MetricKeys.UNDERSTANDING, "understanding", Claim.NO_GAIN));
                yield VerdictRules.every(comparisons, parts.settings, parts.seeds());
            }
            case INFILL_COST -> {
                Arm base = design.arm(ArmRole.BASELINE);
                for (Arm fim : design.arms(ArmRole.TREATMENT)) {
                    comparisons.add(parts.pass(base, fim, EvalMode.L2R, Claim.COSTS));
                    comparisons.add(parts.bitsPerByte(base, fim, Domain.PL, Claim.COSTS));
                }
                yield VerdictRules.some(comparisons, parts.settings, parts.seeds());
            }
            case OBJECTIVE -> {
                Arm base = design.arm(ArmRole.BASELINE);
                Arm mix = design.arm(ArmRole.TREATMENT);
                comparisons.add(parts.pass(base, mix, EvalMode.L2R, Claim.NON_INFERIOR));
                comparisons.add(parts.pass(base, mix, infillMode, Claim.GAINS));
                yield VerdictRules.every(comparisons, parts.settings, parts.seeds());
            }
            case MIXTURE -> {
                Arm mix = design.arm(ArmRole.TREATMENT);
                Arm pl = design.arm(ArmRole.PL_ONLY);
                Arm nl = design.arm(ArmRole.NL_ONLY);
                comparisons.add(parts.pass(pl, mix, EvalMode.L2R, Claim.NON_INFERIOR));
                comparisons.add(parts.bitsPerByte(pl, mix, Domain.PL, Claim.NON_INFERIOR));
                comparisons.add(parts.bitsPerByte(nl, mix, Domain.NL, Claim.NON_INFERIOR));
                // a study stored before the last-word test existed keeps its three parts
                if (arms.stream().anyMatch(a -> a.scalar(MetricKeys.LAST_WORD).length > 0))
                    comparisons.add(parts.scalar(nl, mix, MetricKeys.LAST_WORD, "NL last word", Claim.NON_INFERIOR));
                yield VerdictRules.every(comparisons, parts.settings, parts.seeds());
            }
            case EPOCHS -> {
                Arm base = design.arm(ArmRole.BASELINE);
                for (Arm more : design.arms(ArmRole.TREATMENT))
                    comparisons.add(parts.pass(base, more, EvalMode.L2R, Claim.GAINS));
                yield VerdictRules.some(comparisons, parts.settings, parts.seeds());
            }
        };
        return new LessonAnalysis(design, arms, parts.l2r, parts.infill, infillMode, comparisons, verdict);
    }

    /** The comparisons of one lesson, made alike. */
    private record Parts(
            List<ArmSummary> arms,
            LessonDesign design,
            String l2r,
            String infill,
            EvalMode infillMode,
            IntervalSettings settings) {
        Comparison pass(Arm reference, Arm treatment, EvalMode mode, Claim claim) {
            String benchmark = mode == EvalMode.L2R ? l2r : infill;
            String what = "(" + treatment.label() + " - " + reference.label() + ") " + mode.title() + " pass@"
                    + VERDICT_K
                    + (benchmark == null ? "" : temperature(benchmark, mode) + " on " + benchmark);
            if (benchmark == null)
                return Comparison.notMeasured(
                        what, claim, "no finished run of this lesson has a " + mode.title() + " evaluation");
            PassMatrix ref = summary(reference).passMatrix(benchmark, mode, VERDICT_K);
            PassMatrix treat = summary(treatment).passMatrix(benchmark, mode, VERDICT_K);
            if (ref == null || treat == null) {
                Arm empty = ref == null ? reference : treatment;
                return Comparison.notMeasured(
                        what,
                        claim,
                        "arm " + empty.label() + " has no finished run with a "
                                + benchmark + " "
                                + mode.title() + " evaluation");
            }
            Margin margin = new Margin(design.margin(), reference.label(), ref.mean());
            return Comparison.of(
                    what,
                    claim,
                    margin,
                    settings,
                    c -> new Intervals(settings.withConfidence(c)).difference(ref, treat));
        }

        /** Bits per byte, lower is better: the comparison is the reduction {@code reference - treatment}. */
        Comparison bitsPerByte(Arm reference, Arm treatment, Domain domain, Claim claim) {
            String what = "(" + reference.label() + " - " + treatment.label() + ") held-out " + domain
                    + " bits per byte"
                    + " (positive: " + treatment.label() + " is better)";
            return seedScalars(
                    what,
                    reference,
                    treatment,
                    summary(reference).bitsPerByte(domain),
                    summary(treatment).bitsPerByte(domain),
                    claim,
                    domain + " bits per byte",
                    true);
        }

        Comparison scalar(Arm reference, Arm treatment, String key, String name, Claim claim) {
            String what = "(" + treatment.label() + " - " + reference.label() + ") " + name + " (" + key + ")";
            return seedScalars(
                    what,
                    reference,
                    treatment,
                    summary(reference).scalar(key),
                    summary(treatment).scalar(key),
                    claim,
                    name,
                    false);
        }

        private Comparison seedScalars(
                String what,
                Arm reference,
                Arm treatment,
                double[] ref,
                double[] treat,
                Claim claim,
                String name,
                boolean lowerIsBetter) {
            if (ref.length == 0 || treat.length == 0) {
                Arm empty = ref.length == 0 ? reference : treatment;
                return Comparison.notMeasured(
                        what, claim, "arm " + empty.label() + " has no finished run with " + name);
            }
            Margin margin = new Margin(
                    design.margin(),
                    reference.label(),
                    Arrays.stream(ref).average().orElseThrow());
            double[] better = lowerIsBetter ? ref : treat;
            double[] worse = lowerIsBetter ? treat : ref;
            return Comparison.of(
                    what,
                    claim,
                    margin,
                    settings,
                    c -> new Intervals(settings.withConfidence(c)).seedDifference(worse, better));
        }

        /** " at T=0.2", or nothing when the evaluation's temperature is not known. */
        private String temperature(String benchmark, EvalMode mode) {
            return arms.stream()
                    .flatMap(a -> a.evaluations(benchmark, mode).stream())
                    .mapToDouble(Evaluation::temperature)
                    .filter(t -> !Double.isNaN(t))
                    .findFirst()
                    .stream()
                    .mapToObj(t -> " at T=" + Estimate.number(t, 1))
                    .findFirst()
                    .orElse("");
        }

        /** "seeds per arm: causal 3, prefix_lm 3". */
        String seeds() {
            return "seeds per arm: "
                    + String.join(
                            ", ",
                            arms.stream()
                                    .map(a -> a.label() + " " + a.finished().size())
                                    .toList());
        }

        private ArmSummary summary(Arm arm) {
            return arms.stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow();
        }
    }

    /**
     * The infill mode the verdict reads: {@code infill-line} where the study sampled it, else
     * {@code infill}. The desk and HumanEval-Infilling holes are single lines, and single-line
     * infilling is scored with the middle cut after its first newline (InCoder, SantaCoder), so a
     * model that writes the line right but does not close the hole with a stop token still counts.
     */
    private static EvalMode verdictInfillMode(List<ArmSummary> arms) {
        boolean line = arms.stream()
                .flatMap(a -> a.finished().stream())
                .flatMap(r -> r.metrics().evaluations().stream())
                .anyMatch(e -> e.mode() == EvalMode.INFILL_LINE);
        return line ? EvalMode.INFILL_LINE : EvalMode.INFILL;
    }

    /**
     * The benchmark the verdict reads in {@code mode}: the first, in arm order, that was sampled at
     * T = {@value VerdictRules#VERDICT_TEMPERATURE} with pass@1, else the first in that mode, else null.
     */
    private static String verdictBenchmark(List<ArmSummary> arms, EvalMode mode) {
        List<Evaluation> found = new ArrayList<>();
        for (ArmSummary arm : arms) {
            for (RunResult run : arm.finished()) {
                run.metrics().evaluations().stream()
                        .filter(e -> e.mode() == mode)
                        .forEach(found::add);
            }
        }
        return found.stream()
                .filter(e -> e.temperature() == VERDICT_TEMPERATURE && e.ks().contains(VERDICT_K))
                .findFirst()
                .or(() -> found.stream().findFirst())
                .map(Evaluation::benchmark)
                .orElse(null);
    }
}
