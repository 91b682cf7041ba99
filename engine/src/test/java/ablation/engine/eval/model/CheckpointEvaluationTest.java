package ablation.engine.eval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.stats.ProblemCount;
import ablation.engine.eval.Sample;
import ablation.engine.eval.ScoredSample;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.sampling.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointEvaluationTest {
    /** An evaluation with 2 samples per problem, {@code passes[i]} of problem i passing. */
    static EvalResult result(String benchmark, String mode, List<String> ids, int[] passes) {
        return result(benchmark, mode, ids, passes, 0.8);
    }

    static EvalResult result(String benchmark, String mode, List<String> ids, int[] passes, double temperature) {
        List<ProblemCount> counts = new ArrayList<>();
        List<GeneratedSample> samples = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            counts.add(new ProblemCount(ids.get(i), 2, passes[i]));
            for (int s = 0; s < 2; s++) {
                Outcome outcome = s < passes[i] ? Outcome.PASSED : Outcome.ASSERTION;
                samples.add(new GeneratedSample(
                        new ScoredSample(new Sample(ids.get(i), "x"), new ExecResult(outcome, "", 0)),
                        Completion.Finish.STOP_TOKEN));
            }
        }
        EvalConfig config = new EvalConfig(
                benchmark, EvalMode.fromLabel(mode), 2, List.of(1, 2), temperature, 0.95, 0, 8, ids.size(), 3);
        return new EvalResult(
                config,
                mode,
                1,
                counts,
                List.of(),
                samples,
                Map.of(),
                Map.of(Completion.Finish.STOP_TOKEN, samples.size()),
                List.of(ids.get(0)),
                List.of(),
                0,
                0,
                0);
    }

    @Test
    void theCeilingOfDeskInfillIsDeskL2rOnTheProblemsItsTasksAreCutFrom() {
        EvalResult l2r = result("desk-l2r", "l2r", List.of("DeskL2R/0", "DeskL2R/1", "DeskL2R/2"), new int[] {2, 1, 0});
        EvalResult infill =
                result("desk-infill", "infill", List.of("DeskInfill/0/R", "DeskInfill/2/L1"), new int[] {0, 0});
        EvalResult line =
                result("desk-infill", "infill-line", List.of("DeskInfill/0/R", "DeskInfill/2/L1"), new int[] {1, 0});
        List<EvalResult> ceilings = CheckpointEvaluation.ceilings(List.of(l2r, infill, line));
        assertEquals(1, ceilings.size(), "one ceiling per infill benchmark, whatever its modes");
        EvalResult ceiling = ceilings.get(0);
        assertEquals("desk-l2r@desk-infill", ceiling.config().benchmark());
        assertEquals(EvalMode.L2R, ceiling.config().mode());
        assertEquals(
                List.of(new ProblemCount("DeskL2R/0", 2, 2), new ProblemCount("DeskL2R/2", 2, 0)), ceiling.counts());
        assertEquals(0.5, ceiling.passAtK().get(0).value(), 1e-12);
        assertEquals(4, ceiling.samples().size());
        assertEquals(Map.of(Outcome.PASSED, 2, Outcome.ASSERTION, 2), ceiling.outcomes());
        assertEquals(List.of("DeskL2R/0"), ceiling.trimmedPrompts());
    }

    @Test
    void noCeilingWithoutAnL2rEvaluationThatCoversEveryProblem() {
        EvalResult infill =
                result("desk-infill", "infill", List.of("DeskInfill/0/R", "DeskInfill/5/L0"), new int[] {0, 0});
        EvalResult l2r = result("desk-l2r", "l2r", List.of("DeskL2R/0", "DeskL2R/1"), new int[] {1, 1});
        assertEquals(List.of(), CheckpointEvaluation.ceilings(List.of(infill)));
        assertEquals(List.of(), CheckpointEvaluation.ceilings(List.of(l2r, infill)));
    }

    @Test
    void oneBenchmarkAtTwoTemperaturesKeepsTwoSetsOfPromptAndFinishCounts() {
        List<String> ids = List.of("DeskL2R/0", "DeskL2R/1");
        EvalResult cold = result("desk-l2r", "l2r", ids, new int[] {1, 0}, 0.2);
        EvalResult warm = result("desk-l2r", "l2r", ids, new int[] {2, 1}, 0.8);
        CheckpointReport report = new CheckpointReport(10, List.of(cold, warm), List.of(), Map.of(), null, null);
        assertEquals(List.of("desk-l2r@T0.2", "desk-l2r@T0.8"), report.storedNames());
        Map<String, Double> metrics = report.metrics();
        assertEquals(1.0, metrics.get("eval/prompts_trimmed/desk-l2r@T0.2/l2r"));
        assertEquals(1.0, metrics.get("eval/prompts_trimmed/desk-l2r@T0.8/l2r"));
        assertEquals(4.0, metrics.get("eval/finish/stop_token/desk-l2r@T0.8/l2r"));
        assertEquals(null, metrics.get("eval/prompts_trimmed/desk-l2r/l2r"), "no key shared by the two evaluations");
    }
}
