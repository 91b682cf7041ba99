package ablation.reports.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule's branches on constructed intervals, and the rule text printed beside the verdict. */
class VerdictRulesTest {
    private static Estimate diff(double low, double high) {
        return new Estimate((low + high) / 2, low, high, 2, IntervalKind.SEED_T);
    }

    private static void check(Outcome expected, Verdict verdict) {
        assertEquals(expected, verdict.outcome(), verdict.text());
    }

    @Test
    void lesson1NoGain() {
        check(Outcome.CONTRADICTS, VerdictRules.noGain("x", diff(0.01, 0.06)));
        check(Outcome.SUPPORTS, VerdictRules.noGain("x", diff(-0.03, 0.015)));
        check(Outcome.SUPPORTS, VerdictRules.noGain("x", diff(-0.09, -0.04)));
        check(Outcome.INCONCLUSIVE, VerdictRules.noGain("x", diff(-0.01, 0.05)));
        Verdict v = VerdictRules.noGain("(prefix_lm - causal) L2R pass@1", diff(-0.02, 0.05));
        assertEquals("inconclusive: the 95% interval of (prefix_lm - causal) L2R pass@1, [-0.020, 0.050], contains 0 and reaches above +0.020", v.text());
    }

    @Test
    void lesson2Costs() {
        check(Outcome.SUPPORTS, VerdictRules.costs("x", diff(-0.05, -0.001)));
        check(Outcome.CONTRADICTS, VerdictRules.costs("x", diff(0.001, 0.04)));
        Verdict v = VerdictRules.costs("(fim - clm) L2R pass@1", diff(-0.02, 0.05));
        assertEquals(Outcome.INCONCLUSIVE, v.outcome());
        assertEquals("inconclusive: the 95% interval of (fim - clm) L2R pass@1, [-0.020, 0.050], contains 0", v.text());
    }

    @Test
    void nonInferiorityUsesTheMargin() {
        check(Outcome.SUPPORTS, VerdictRules.nonInferior("x", diff(-0.015, 0.03)));
        check(Outcome.CONTRADICTS, VerdictRules.nonInferior("x", diff(-0.08, -0.025)));
        check(Outcome.INCONCLUSIVE, VerdictRules.nonInferior("x", diff(-0.04, 0.01)));
    }

    @Test
    void gains() {
        check(Outcome.SUPPORTS, VerdictRules.gains("x", diff(0.1, 0.3)));
        check(Outcome.CONTRADICTS, VerdictRules.gains("x", diff(-0.3, -0.1)));
        check(Outcome.INCONCLUSIVE, VerdictRules.gains("x", diff(-0.1, 0.1)));
    }

    @Test
    void bitsPerByteClosenessIsRelativeToTheDomainModel() {
        // margin = 5% of 1.40 = 0.070
        check(Outcome.SUPPORTS, VerdictRules.bitsPerByteClose("x", diff(0.01, 0.06), 1.40));
        check(Outcome.CONTRADICTS, VerdictRules.bitsPerByteClose("x", diff(0.08, 0.2), 1.40));
        check(Outcome.INCONCLUSIVE, VerdictRules.bitsPerByteClose("x", diff(0.03, 0.1), 1.40));
        Verdict oneSeed = VerdictRules.bitsPerByteClose("x", Estimate.point(0.05, 1), 1.40);
        assertEquals(Outcome.SUPPORTS, oneSeed.outcome());
        assertTrue(oneSeed.rule().contains("1 seed"), oneSeed.rule());
        check(Outcome.CONTRADICTS, VerdictRules.bitsPerByteClose("x", Estimate.point(0.09, 1), 1.40));
    }

    private static final Verdict S = new Verdict(Outcome.SUPPORTS, "s");
    private static final Verdict C = new Verdict(Outcome.CONTRADICTS, "c");
    private static final Verdict I = new Verdict(Outcome.INCONCLUSIVE, "i");

    @Test
    void partsOfOneClaimMustAllHold() {
        check(Outcome.SUPPORTS, VerdictRules.allOf(List.of(S, S)));
        check(Outcome.CONTRADICTS, VerdictRules.allOf(List.of(S, C)));
        check(Outcome.INCONCLUSIVE, VerdictRules.allOf(List.of(S, I)));
    }

    @Test
    void armsOfOneClaimAreCombined() {
        List<String> arms = List.of("a", "b");
        Verdict supports = VerdictRules.acrossArms(arms, List.of(S, I));
        check(Outcome.SUPPORTS, supports);
        assertEquals("a supports and no arm contradicts: s", supports.rule());
        check(Outcome.CONTRADICTS, VerdictRules.acrossArms(arms, List.of(I, C)));
        Verdict mixed = VerdictRules.acrossArms(arms, List.of(S, C));
        check(Outcome.INCONCLUSIVE, mixed);
        assertEquals("the arms disagree: a supports, b contradicts", mixed.rule());
        check(Outcome.INCONCLUSIVE, VerdictRules.acrossArms(arms, List.of(I, I)));
    }
}
