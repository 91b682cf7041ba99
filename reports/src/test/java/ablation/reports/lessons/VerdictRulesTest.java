package ablation.reports.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalKind;
import ablation.core.stats.IntervalSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule's branches on constructed intervals, and the rule text printed beside the verdict. */
class VerdictRulesTest {
    private static final IntervalSettings SETTINGS = IntervalSettings.DEFAULT;
    /** 10% of a baseline of 0.2: 0.02. */
    private static final Margin MARGIN = new Margin(0.1, "base", 0.2);

    /** A difference whose interval at confidence c is {@code [low,
     * high]} widened by {@code widen * (c - 0.95) / 0.05}. */
    private static Comparison part(Claim claim, double low, double high, double widen) {
        return Comparison.of("x", claim, MARGIN, SETTINGS, c -> {
            double w = widen * (c - 0.95) / 0.05;
            return new Estimate((low + high) / 2, low - w, high + w, 3, IntervalKind.SEED_T);
        });
    }

    private static Outcome judge(Claim claim, double low, double high) {
        return part(claim, low, high, 0).verdict().outcome();
    }

    @Test
    void noGainCallsANegligibleGainASupportNotAContradiction() {
        assertEquals(
                Outcome.SUPPORTS,
                judge(Claim.NO_GAIN, 0.005, 0.015),
                "a significant gain below the margin is negligible");
        assertEquals(Outcome.SUPPORTS, judge(Claim.NO_GAIN, -0.03, 0.015));
        assertEquals(Outcome.CONTRADICTS, judge(Claim.NO_GAIN, 0.025, 0.06));
        assertEquals(Outcome.INCONCLUSIVE, judge(Claim.NO_GAIN, 0.01, 0.06));
    }

    @Test
    void theOtherClaims() {
        assertEquals(Outcome.SUPPORTS, judge(Claim.NON_INFERIOR, -0.015, 0.04));
        assertEquals(Outcome.CONTRADICTS, judge(Claim.NON_INFERIOR, -0.08, -0.03));
        assertEquals(Outcome.INCONCLUSIVE, judge(Claim.NON_INFERIOR, -0.03, 0.01));
        assertEquals(Outcome.SUPPORTS, judge(Claim.GAINS, 0.001, 0.01));
        assertEquals(Outcome.CONTRADICTS, judge(Claim.GAINS, -0.01, -0.001));
        assertEquals(Outcome.INCONCLUSIVE, judge(Claim.GAINS, -0.01, 0.01));
        assertEquals(Outcome.SUPPORTS, judge(Claim.COSTS, -0.03, -0.01));
        assertEquals(Outcome.CONTRADICTS, judge(Claim.COSTS, -0.01, 0.03), "a cost of the margin or more is ruled out");
        assertEquals(Outcome.INCONCLUSIVE, judge(Claim.COSTS, -0.03, 0.01));
    }

    @Test
    void aVerdictStatesItsIntervalSeedsAndMargin() {
        Verdict v = part(Claim.NO_GAIN, 0.026, 0.06, 0).verdict();
        assertEquals(
                "x = 0.043 [0.026, 0.060] (95% t interval over seed means, 3 seeds) lies above +0.0200: a gain larger than"
                        + " the margin; margin 0.0200 (10.0% of base's 0.200)",
                v.rule());
    }

    @Test
    void oneSeedIsExploratory() {
        Comparison one = Comparison.of(
                "x",
                Claim.GAINS,
                MARGIN,
                SETTINGS,
                c -> new Estimate(0.05, 0.02, 0.08, 1, IntervalKind.PROBLEM_BOOTSTRAP));
        assertEquals(Outcome.EXPLORATORY, one.verdict().outcome());
        assertTrue(one.verdict().rule().contains("points up"), one.verdict().rule());
        Verdict lesson = VerdictRules.every(List.of(one, part(Claim.GAINS, 0.01, 0.02, 0)), SETTINGS, "1 seed");
        assertEquals(Outcome.EXPLORATORY, lesson.outcome());
        assertEquals("exploratory (1 seed)", lesson.outcome().word());
    }

    @Test
    void everyPartNeedsEachPartAndANotMeasuredPartIsNoPass() {
        Comparison holds = part(Claim.GAINS, 0.01, 0.02, 0);
        assertEquals(
                Outcome.SUPPORTS,
                VerdictRules.every(List.of(holds, holds), SETTINGS, "").outcome());
        Comparison missing =
                Comparison.notMeasured("understanding", Claim.NO_GAIN, "arm base has no finished run with it");
        Verdict v = VerdictRules.every(List.of(holds, missing), SETTINGS, "");
        assertEquals(Outcome.INCONCLUSIVE, v.outcome());
        assertTrue(v.rule().contains("not measured"), v.rule());
    }

    @Test
    void contradictionsAndSomePartClaimsAreHolmCorrected() {
        // Below 0 at 95%, but the interval at 1 - 0.05/2 reaches above 0: one of two parts is not enough after Holm.
        Comparison weak = part(Claim.GAINS, -0.010, -0.001, 0.004);
        Comparison none = part(Claim.GAINS, -0.01, 0.01, 0.004);
        assertEquals(Outcome.CONTRADICTS, weak.verdict().outcome());
        assertEquals(
                Outcome.INCONCLUSIVE,
                VerdictRules.every(List.of(weak, none), SETTINGS, "").outcome());
        Comparison strong = part(Claim.GAINS, -0.010, -0.005, 0.002);
        assertEquals(
                Outcome.CONTRADICTS,
                VerdictRules.every(List.of(strong, none), SETTINGS, "").outcome());

        Comparison weakGain = part(Claim.GAINS, 0.001, 0.010, 0.004);
        assertEquals(
                Outcome.SUPPORTS,
                VerdictRules.some(List.of(weakGain), SETTINGS, "").outcome());
        assertEquals(
                Outcome.INCONCLUSIVE,
                VerdictRules.some(List.of(weakGain, none), SETTINGS, "").outcome(),
                "significant alone, not after correcting for two arms");
        Comparison strongGain = part(Claim.GAINS, 0.005, 0.010, 0.002);
        Verdict v = VerdictRules.some(List.of(strongGain, none), SETTINGS, "");
        assertEquals(Outcome.SUPPORTS, v.outcome());
        assertTrue(v.rule().startsWith("Holm over 2 measured parts"), v.rule());
    }
}
