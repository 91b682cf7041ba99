package ablation.app.gui.composer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.config.ObjectiveKind;
import org.junit.jupiter.api.Test;

class ObjectiveMixTest {
    private static final boolean[] CAUSAL = {true, false, true, true};

    @Test
    void othersKeepTheirProportions() {
        double[] next = ObjectiveMix.move(new double[] {0.6, 0, 0.2, 0.2}, ObjectiveKind.FIM, 0.5, CAUSAL);
        assertEquals(0.5, next[ObjectiveKind.FIM.ordinal()]);
        assertEquals(1.0, ObjectiveMix.sum(next), 1e-12);
        assertEquals(
                3.0,
                next[ObjectiveKind.CLM.ordinal()] / next[ObjectiveKind.SPAN_CORRUPTION.ordinal()],
                1e-3,
                "clm stays three times span corruption");
        assertEquals(0, next[ObjectiveKind.PREFIX_LM.ordinal()]);
    }

    @Test
    void loweringTheOnlyObjectiveSharesTheRestAmongUsableOnes() {
        double[] next = ObjectiveMix.move(new double[] {1, 0, 0, 0}, ObjectiveKind.CLM, 0.4, CAUSAL);
        assertArrayEquals(new double[] {0.4, 0, 0.3, 0.3}, next, 1e-12, "prefix-LM gets nothing on a causal model");
        double[] prefix = ObjectiveMix.move(
                new double[] {1, 0, 0, 0}, ObjectiveKind.CLM, 0.4, new boolean[] {true, true, true, true});
        assertEquals(0.2, prefix[ObjectiveKind.PREFIX_LM.ordinal()], 1e-12);
    }

    @Test
    void valuesAreClampedRoundedAndStillSumToOne() {
        double[] next = ObjectiveMix.move(new double[] {0.5, 0, 0.25, 0.25}, ObjectiveKind.CLM, 1.7, CAUSAL);
        assertArrayEquals(new double[] {1, 0, 0, 0}, next, 1e-12);
        double[] thirds =
                ObjectiveMix.move(new double[] {0.5, 0, 0.25, 0.25}, ObjectiveKind.SPAN_CORRUPTION, 1 / 3.0, CAUSAL);
        assertEquals(0.3333, thirds[ObjectiveKind.SPAN_CORRUPTION.ordinal()]);
        assertEquals(1.0, ObjectiveMix.sum(thirds), 1e-12);
        for (double w : thirds) assertEquals(w, Math.round(w * 1e4) / 1e4, 1e-15, "rounded to 1e-4");
    }

    @Test
    void nothingElseUsableKeepsTheMovedWeightAtOne() {
        double[] next = ObjectiveMix.move(
                new double[] {1, 0, 0, 0}, ObjectiveKind.CLM, 0.3, new boolean[] {true, false, false, false});
        assertArrayEquals(new double[] {1, 0, 0, 0}, next, 1e-12);
    }
}
