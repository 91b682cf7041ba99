package ablation.reports.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ablation.reports.model.RunMetrics;
import ablation.reports.model.RunResult;
import ablation.reports.model.RunStatus;
import ablation.reports.model.StudyResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verdicts end to end from constructed per-problem counts. Problems have counts c = base + shift
 * (clamped) out of 20; odd seeds solve one sample more on every fifth problem, so intervals over
 * seeds have a width.
 */
class LessonAnalyzerTest {
    private static final int N = 20;
    private static final int PROBLEMS = 50;

    /** Counts spread over 2..17 of 20, shifted by {@code shift} samples per problem,
     * and one more on every fifth problem for odd seeds. */
    private static Evaluation eval(String benchmark, EvalMode mode, int shift, double temperature, long seed) {
        List<ProblemCount> problems = new ArrayList<>();
        for (int i = 0; i < PROBLEMS; i++) {
            int noise = i % 5 == 0 ? (int) (seed % 2) : 0;
            problems.add(new ProblemCount("p" + i, N, Math.max(0, Math.min(N, 2 + i % 16 + shift + noise))));
        }
        return new Evaluation(benchmark, mode, List.of(1), problems, temperature);
    }

    private static RunResult run(
            String name, long seed, List<Evaluation> evaluations, List<BitsPerByte> bpb, Map<String, Double> scalars) {
        return new RunResult(
                name,
                RunStatus.FINISHED,
                null,
                seed,
                name,
                Set.of(),
                Map.of(),
                "{}",
                null,
                new RunMetrics(List.of(), evaluations, bpb, scalars));
    }

    /** Two arms of {@code seeds} seeds; the treatment shifted by the given samples per problem (L2R at T=0.2 and infill). */
    private static LessonAnalysis twoArms(
            Lesson lesson, int seeds, int l2rShift, int infillShift, Double understandingShift) {
        List<RunResult> runs = new ArrayList<>();
        List<String> base = new ArrayList<>();
        List<String> treat = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            double noise = seed % 2;
            Map<String, Double> ref =
                    understandingShift == null ? Map.of() : Map.of(MetricKeys.UNDERSTANDING, 0.6 + 0.01 * noise);
            Map<String, Double> tr = understandingShift == null
                    ? Map.of()
                    : Map.of(MetricKeys.UNDERSTANDING, 0.6 + understandingShift + 0.01 * noise);
            runs.add(run(
                    "base," + seed,
                    seed,
                    List.of(
                            eval("l2r@T0.8", EvalMode.L2R, 9, 0.8, seed),
                            eval("l2r@T0.2", EvalMode.L2R, 0, 0.2, seed),
                            eval("inf", EvalMode.INFILL, -10, 0.8, seed)),
                    bpb(1.30 + 0.01 * noise),
                    ref));
            runs.add(run(
                    "treat," + seed,
                    seed,
                    List.of(
                            eval("l2r@T0.8", EvalMode.L2R, 9, 0.8, seed),
                            eval("l2r@T0.2", EvalMode.L2R, l2rShift, 0.2, seed),
                            eval("inf", EvalMode.INFILL, infillShift - 10, 0.8, seed)),
                    bpb(1.30 + 0.01 * noise),
                    tr));
            base.add("base," + seed);
            treat.add("treat," + seed);
        }
        double level = lesson == Lesson.EPOCHS ? 1 : 0;
        LessonDesign design = new LessonDesign(
                lesson,
                "x",
                List.of(
                        new Arm("base", ArmRole.BASELINE, level, base),
                        new Arm("treat", ArmRole.TREATMENT, level + 1, treat)));
        return LessonAnalyzer.analyze(new StudyResults("s", null, null, runs, List.of(design)), design);
    }

    private static List<BitsPerByte> bpb(double pl) {
        return List.of(new BitsPerByte("python", Domain.PL, pl));
    }

    @Test
    void lesson1JudgesL2rInfillAndUnderstandingTogether() {
        LessonAnalysis same = twoArms(Lesson.PREFIX_LM, 3, 0, 0, 0.0);
        assertEquals(Outcome.SUPPORTS, same.verdict().outcome(), same.verdict().text());
        assertEquals(3, same.comparisons().size());
        assertTrue(
                same.comparisons().get(0).what().contains("L2R pass@1 at T=0.2 on l2r@T0.2"),
                same.comparisons().get(0).what());
        assertEquals(
                Outcome.CONTRADICTS,
                twoArms(Lesson.PREFIX_LM, 3, 4, 0, 0.0).verdict().outcome());
        assertEquals(
                Outcome.CONTRADICTS,
                twoArms(Lesson.PREFIX_LM, 3, 0, 0, 0.2).verdict().outcome(),
                "a gain in understanding");
        LessonAnalysis unmeasured = twoArms(Lesson.PREFIX_LM, 3, 0, 0, null);
        assertEquals(Outcome.INCONCLUSIVE, unmeasured.verdict().outcome(), "understanding not measured is no pass");
        assertTrue(unmeasured.comparisons().get(2).verdict().rule().startsWith("not measured"));
    }

    @Test
    void lesson2AnyInfillCostAfterHolm() {
        LessonAnalysis costly = twoArms(Lesson.INFILL_COST, 3, -2, 0, null);
        assertEquals(
                Outcome.SUPPORTS, costly.verdict().outcome(), costly.verdict().text());
        assertEquals(2, costly.comparisons().size(), "L2R pass@1 and PL bits per byte");
        assertEquals(
                Outcome.CONTRADICTS,
                twoArms(Lesson.INFILL_COST, 3, 2, 0, null)
                        .comparisons()
                        .get(0)
                        .verdict()
                        .outcome());
    }

    @Test
    void lesson3NeedsCompetitiveL2rAndAnInfillGain() {
        assertEquals(
                Outcome.SUPPORTS,
                twoArms(Lesson.OBJECTIVE, 3, 0, 4, null).verdict().outcome());
        assertEquals(
                Outcome.CONTRADICTS,
                twoArms(Lesson.OBJECTIVE, 3, -4, 4, null).verdict().outcome());
        LessonAnalysis noInfillGain = twoArms(Lesson.OBJECTIVE, 3, 0, 0, null);
        assertEquals(
                Outcome.INCONCLUSIVE,
                noInfillGain.verdict().outcome(),
                noInfillGain.verdict().text());
    }

    @Test
    void lesson5MoreEpochsImprove() {
        assertEquals(
                Outcome.SUPPORTS,
                twoArms(Lesson.EPOCHS, 3, 3, 0, null).verdict().outcome());
        assertEquals(
                Outcome.INCONCLUSIVE,
                twoArms(Lesson.EPOCHS, 3, 0, 0, null).verdict().outcome());
        assertEquals(
                Outcome.CONTRADICTS,
                twoArms(Lesson.EPOCHS, 3, -4, 0, null).verdict().outcome());
    }

    @Test
    void oneSeedIsExploratoryWithItsDirection() {
        LessonAnalysis one = twoArms(Lesson.EPOCHS, 1, 3, 0, null);
        assertEquals(Outcome.EXPLORATORY, one.verdict().outcome());
        assertTrue(one.verdict().rule().contains("points up"), one.verdict().rule());
        assertTrue(one.comparisons().get(0).difference().hasInterval(), "intervals are shown");
    }

    private static LessonAnalysis mixture(int mixPlShift, double[] mixNl, double[] nlOnlyNl) {
        return mixture(mixPlShift, mixNl, nlOnlyNl, null);
    }

    /** @param mixLastWordShift the mix's last-word accuracy minus the NL model's, or null: not measured */
    private static LessonAnalysis mixture(int mixPlShift, double[] mixNl, double[] nlOnlyNl, Double mixLastWordShift) {
        List<RunResult> runs = new ArrayList<>();
        for (int s = 0; s < mixNl.length; s++) {
            List<Evaluation> plEval = List.of(eval("l2r", EvalMode.L2R, 0, 0.2, s));
            runs.add(
                    run("pl," + s, s, plEval, List.of(new BitsPerByte("python", Domain.PL, 1.0 + 0.01 * s)), Map.of()));
            runs.add(run(
                    "nl," + s,
                    s,
                    List.of(eval("l2r", EvalMode.L2R, -10, 0.2, s)),
                    List.of(new BitsPerByte("english", Domain.NL, nlOnlyNl[s])),
                    mixLastWordShift == null ? Map.of() : Map.of(MetricKeys.LAST_WORD, 0.55 + 0.01 * s)));
            runs.add(run(
                    "mix," + s,
                    s,
                    List.of(eval("l2r", EvalMode.L2R, mixPlShift, 0.2, s)),
                    List.of(
                            new BitsPerByte("python", Domain.PL, 1.01 + 0.01 * s),
                            new BitsPerByte("english", Domain.NL, mixNl[s])),
                    mixLastWordShift == null
                            ? Map.of()
                            : Map.of(MetricKeys.LAST_WORD, 0.55 + mixLastWordShift + 0.01 * s)));
        }
        List<String> seeds = java.util.stream.IntStream.range(0, mixNl.length)
                .mapToObj(String::valueOf)
                .toList();
        LessonDesign design = new LessonDesign(
                Lesson.MIXTURE,
                "data.sources[].weight",
                List.of(
                        new Arm(
                                "pl",
                                ArmRole.PL_ONLY,
                                1,
                                seeds.stream().map(s -> "pl," + s).toList()),
                        new Arm(
                                "nl",
                                ArmRole.NL_ONLY,
                                0,
                                seeds.stream().map(s -> "nl," + s).toList()),
                        new Arm(
                                "mix",
                                ArmRole.TREATMENT,
                                0.5,
                                seeds.stream().map(s -> "mix," + s).toList())));
        return LessonAnalyzer.analyze(new StudyResults("s", null, null, runs, List.of(design)), design);
    }

    @Test
    void lesson4MixtureAgainstEachDomainModelInItsOwnDomain() {
        LessonAnalysis close = mixture(0, new double[] {1.32, 1.33, 1.34}, new double[] {1.30, 1.31, 1.30});
        assertEquals(
                Outcome.SUPPORTS, close.verdict().outcome(), close.verdict().text());
        assertEquals(
                3,
                close.comparisons().size(),
                "L2R pass@1 and PL bits per byte against pl, NL bits per byte against nl");
        LessonAnalysis withLastWord =
                mixture(0, new double[] {1.32, 1.33, 1.34}, new double[] {1.30, 1.31, 1.30}, -0.01);
        assertEquals(4, withLastWord.comparisons().size(), "and the last-word test against nl");
        assertEquals(
                Outcome.SUPPORTS,
                withLastWord.verdict().outcome(),
                withLastWord.verdict().text());
        LessonAnalysis farInLastWord =
                mixture(0, new double[] {1.32, 1.33, 1.34}, new double[] {1.30, 1.31, 1.30}, -0.2);
        assertEquals(
                Outcome.CONTRADICTS,
                farInLastWord.comparisons().get(3).verdict().outcome(),
                farInLastWord.comparisons().get(3).verdict().text());
        assertEquals(Outcome.CONTRADICTS, farInLastWord.verdict().outcome());
        LessonAnalysis farInNl = mixture(0, new double[] {1.60, 1.62, 1.61}, new double[] {1.30, 1.31, 1.30});
        assertEquals(
                Outcome.CONTRADICTS,
                farInNl.verdict().outcome(),
                farInNl.verdict().text());
        assertEquals(Outcome.CONTRADICTS, farInNl.comparisons().get(2).verdict().outcome());
        assertEquals(
                Outcome.CONTRADICTS,
                mixture(-4, new double[] {1.32, 1.33}, new double[] {1.30, 1.31})
                        .verdict()
                        .outcome());
    }

    @Test
    void theMarginIsTheStudysFractionOfTheBaseline() {
        LessonAnalysis analysis = twoArms(Lesson.PREFIX_LM, 3, 0, 0, 0.0);
        Margin margin = analysis.comparisons().get(0).margin();
        assertEquals(0.1, margin.relative());
        assertEquals("base", margin.reference());
        assertTrue(analysis.comparisons().get(0).verdict().rule().contains("margin " + margin.text()));
    }

    @Test
    void anArmWithoutFinishedRunsGivesNoDataNotAnError() {
        List<RunResult> runs = List.of(
                run("base", 1, List.of(eval("l2r", EvalMode.L2R, 0, 0.2, 1)), List.of(), Map.of()),
                new RunResult("treat", RunStatus.FAILED, "diverged", 1, "t", Set.of(), Map.of(), null, null, null));
        LessonDesign design = new LessonDesign(
                Lesson.PREFIX_LM,
                "model.arch",
                List.of(
                        new Arm("causal", ArmRole.BASELINE, Double.NaN, List.of("base")),
                        new Arm("prefix_lm", ArmRole.TREATMENT, Double.NaN, List.of("treat"))));
        LessonAnalysis analysis =
                LessonAnalyzer.analyze(new StudyResults("s", null, null, runs, List.of(design)), design);
        assertEquals(Outcome.INCONCLUSIVE, analysis.verdict().outcome());
        assertTrue(
                analysis.comparisons()
                        .get(0)
                        .verdict()
                        .rule()
                        .startsWith("not measured: arm prefix_lm has no finished run"),
                analysis.comparisons().get(0).verdict().rule());
        assertNull(analysis.comparisons().get(0).difference());
        assertEquals(1, analysis.arm("prefix_lm").unfinished().size());
    }
}
