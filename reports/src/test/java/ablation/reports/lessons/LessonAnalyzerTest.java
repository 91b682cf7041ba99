package ablation.reports.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.BitsPerByte;
import ablation.reports.model.Domain;
import ablation.reports.model.EvalMode;
import ablation.reports.model.Evaluation;
import ablation.reports.model.Lesson;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.ProblemResult;
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
 * (clamped), so a shift moves every problem's pass@1 by shift/n and the paired interval is tight.
 */
class LessonAnalyzerTest {
    private static final int N = 20;
    private static final int PROBLEMS = 50;

    /** Counts spread over 2..17 of 20, shifted by {@code shift} samples per problem. */
    private static Evaluation eval(String benchmark, EvalMode mode, int shift) {
        List<ProblemResult> problems = new ArrayList<>();
        for (int i = 0; i < PROBLEMS; i++) problems.add(new ProblemResult("p" + i, N, Math.max(0, Math.min(N, 2 + i % 16 + shift))));
        return new Evaluation(benchmark, mode, List.of(1, 10), problems);
    }

    private static RunResult run(String name, long seed, List<Evaluation> evaluations, double nlBpb) {
        List<BitsPerByte> bpb = Double.isNaN(nlBpb) ? List.of() : List.of(new BitsPerByte("english", Domain.NL, nlBpb));
        return new RunResult(name, RunStatus.FINISHED, null, seed, name, Set.of(), Map.of(), "{}", null,
                new RunMetrics(List.of(), evaluations, bpb, null));
    }

    /** Two arms of two seeds with L2R shifts and infill shifts. */
    private static LessonAnalysis twoArms(Lesson lesson, int treatmentL2rShift, int treatmentInfillShift) {
        List<RunResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            runs.add(run("base," + seed, seed, List.of(eval("l2r", EvalMode.L2R, 0), eval("inf", EvalMode.INFILL, -10)), Double.NaN));
            runs.add(run("treat," + seed, seed, List.of(eval("l2r", EvalMode.L2R, treatmentL2rShift), eval("inf", EvalMode.INFILL, treatmentInfillShift)), Double.NaN));
        }
        double level = lesson == Lesson.EPOCHS ? 1 : 0;
        LessonDesign design = new LessonDesign(lesson, "x", List.of(
                new Arm("base", ArmRole.BASELINE, level, List.of("base,1", "base,2")),
                new Arm("treat", ArmRole.TREATMENT, level + 1, List.of("treat,1", "treat,2"))));
        return LessonAnalyzer.analyze(new StudyResults("s", null, null, runs, List.of(design)), design);
    }

    @Test
    void lesson1PrefixLm() {
        assertEquals(Outcome.SUPPORTS, twoArms(Lesson.PREFIX_LM, 0, 0).verdict().outcome());
        assertEquals(Outcome.CONTRADICTS, twoArms(Lesson.PREFIX_LM, 3, 0).verdict().outcome());
    }

    @Test
    void lesson2InfillCost() {
        LessonAnalysis costly = twoArms(Lesson.INFILL_COST, -2, 0);
        assertEquals(Outcome.SUPPORTS, costly.verdict().outcome(), costly.verdict().text());
        assertEquals(-2.0 / N * (PROBLEMS - countClamped(-2)) / PROBLEMS, costly.comparisons().get(0).difference().value(), 1e-12);
        assertEquals(Outcome.INCONCLUSIVE, twoArms(Lesson.INFILL_COST, 0, 0).verdict().outcome());
        assertEquals(Outcome.CONTRADICTS, twoArms(Lesson.INFILL_COST, 2, 0).verdict().outcome());
    }

    /** Problems whose base count is below -shift lose less than the full shift. */
    private static int countClamped(int shift) {
        int clamped = 0;
        for (int i = 0; i < PROBLEMS; i++) if (2 + i % 16 + shift < 0) clamped++;
        return clamped;
    }

    @Test
    void lesson3NeedsCompetitiveL2rAndAnInfillGain() {
        assertEquals(Outcome.SUPPORTS, twoArms(Lesson.OBJECTIVE, 0, 0).verdict().outcome());
        assertEquals(Outcome.CONTRADICTS, twoArms(Lesson.OBJECTIVE, -4, 0).verdict().outcome());
        LessonAnalysis noInfillGain = twoArms(Lesson.OBJECTIVE, 0, -10);
        assertEquals(Outcome.INCONCLUSIVE, noInfillGain.verdict().outcome(), noInfillGain.verdict().text());
        assertEquals(2, noInfillGain.comparisons().size());
    }

    @Test
    void lesson5Epochs() {
        assertEquals(Outcome.SUPPORTS, twoArms(Lesson.EPOCHS, 0, 0).verdict().outcome());
        assertEquals(Outcome.CONTRADICTS, twoArms(Lesson.EPOCHS, -4, 0).verdict().outcome());
    }

    private static LessonAnalysis mixture(int mixPlShift, double[] mixNl, double[] nlOnlyNl) {
        List<RunResult> runs = new ArrayList<>();
        for (int s = 0; s < mixNl.length; s++) {
            runs.add(run("pl," + s, s, List.of(eval("l2r", EvalMode.L2R, 0)), Double.NaN));
            runs.add(run("nl," + s, s, List.of(eval("l2r", EvalMode.L2R, -10)), nlOnlyNl[s]));
            runs.add(run("mix," + s, s, List.of(eval("l2r", EvalMode.L2R, mixPlShift)), mixNl[s]));
        }
        List<String> seeds = java.util.stream.IntStream.range(0, mixNl.length).mapToObj(String::valueOf).toList();
        LessonDesign design = new LessonDesign(Lesson.MIXTURE, "data.sources[].weight", List.of(
                new Arm("pl", ArmRole.PL_ONLY, 1, seeds.stream().map(s -> "pl," + s).toList()),
                new Arm("nl", ArmRole.NL_ONLY, 0, seeds.stream().map(s -> "nl," + s).toList()),
                new Arm("mix", ArmRole.TREATMENT, 0.5, seeds.stream().map(s -> "mix," + s).toList())));
        return LessonAnalyzer.analyze(new StudyResults("s", null, null, runs, List.of(design)), design);
    }

    @Test
    void lesson4MixtureCloseInBothDomains() {
        assertEquals(Outcome.SUPPORTS, mixture(0, new double[] {1.32, 1.33, 1.34}, new double[] {1.30, 1.31, 1.30}).verdict().outcome());
        LessonAnalysis farInNl = mixture(0, new double[] {1.60, 1.62, 1.61}, new double[] {1.30, 1.31, 1.30});
        assertEquals(Outcome.CONTRADICTS, farInNl.verdict().outcome(), farInNl.verdict().text());
        assertEquals(Outcome.CONTRADICTS, farInNl.comparisons().get(1).verdict().outcome());
        assertEquals(Outcome.CONTRADICTS, mixture(-4, new double[] {1.32, 1.33}, new double[] {1.30, 1.31}).verdict().outcome());
    }

    @Test
    void anArmWithoutFinishedRunsGivesNoDataNotAnError() {
        List<RunResult> runs = List.of(
                run("base", 1, List.of(eval("l2r", EvalMode.L2R, 0)), Double.NaN),
                new RunResult("treat", RunStatus.FAILED, "diverged", 1, "t", Set.of(), Map.of(), null, null, null));
        LessonDesign design = new LessonDesign(Lesson.PREFIX_LM, "model.arch", List.of(
                new Arm("causal", ArmRole.BASELINE, Double.NaN, List.of("base")),
                new Arm("prefix_lm", ArmRole.TREATMENT, Double.NaN, List.of("treat"))));
        LessonAnalysis analysis = LessonAnalyzer.analyze(new StudyResults("s", null, null, runs, List.of(design)), design);
        assertEquals(Outcome.INCONCLUSIVE, analysis.verdict().outcome());
        assertTrue(analysis.verdict().rule().startsWith("no data: arm prefix_lm has no finished run"), analysis.verdict().rule());
        assertNull(analysis.comparisons().get(0).difference());
        assertEquals(1, analysis.arm("prefix_lm").unfinished().size());
    }
}
