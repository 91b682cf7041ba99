package ablation.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    static List<ProblemCount> counts(int problems, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ProblemCount> counts = new ArrayList<>();
        for (int p = 0; p < problems; p++) counts.add(new ProblemCount("t/" + p, n, random.nextInt(n + 1)));
        return counts;
    }

    @Test
    void intervalHoldsTheMeanAndRepeats() {
        List<ProblemCount> counts = counts(164, 20, 1);
        Estimate estimate = Bootstrap.DEFAULT.interval(counts, 5);
        assertEquals(PassAtK.mean(counts, 5), estimate.value(), 1e-15);
        assertTrue(estimate.low() < estimate.value() && estimate.value() < estimate.high(), estimate.toString());
        assertEquals(estimate, Bootstrap.DEFAULT.interval(counts, 5), "same seed, same interval");
        assertNotEquals(estimate, new Bootstrap(2000, 7).interval(counts, 5));
    }

    @Test
    void widthShrinksLikeOneOverRootProblems() {
        Estimate few = Bootstrap.DEFAULT.interval(counts(40, 10, 2), 1);
        Estimate many = Bootstrap.DEFAULT.interval(counts(640, 10, 2), 1);
        double ratio = (few.high() - few.low()) / (many.high() - many.low());
        assertTrue(ratio > 3 && ratio < 5.5, "16x the problems should give about 4x narrower intervals, got " + ratio);
    }

    @Test
    void identicalProblemsGiveAPointInterval() {
        List<ProblemCount> same = List.of(new ProblemCount("a", 10, 5), new ProblemCount("b", 10, 5));
        Estimate estimate = Bootstrap.DEFAULT.interval(same, 1);
        assertEquals(0.5, estimate.low(), 1e-15);
        assertEquals(0.5, estimate.high(), 1e-15);
    }

    @Test
    void pooledSeedsAverageCellsAndWidenWithSeedSpread() {
        List<ProblemCount> a = counts(100, 10, 3);
        List<ProblemCount> b = new ArrayList<>();
        for (ProblemCount count : a) b.add(new ProblemCount(count.taskId(), 10, Math.max(0, count.correct() - 4)));
        Estimate pooled = Bootstrap.DEFAULT.pooled(List.of(a, b), 1);
        assertEquals((PassAtK.mean(a, 1) + PassAtK.mean(b, 1)) / 2, pooled.value(), 1e-12);
        Estimate twins = Bootstrap.DEFAULT.pooled(List.of(a, a), 1);
        assertEquals(Bootstrap.DEFAULT.interval(a, 1).value(), twins.value(), 1e-12);
        assertTrue(pooled.high() - pooled.low() > twins.high() - twins.low(),
                "seeds that disagree must widen the interval: " + pooled + " vs " + twins);
    }

    @Test
    void pooledSeedsMustHoldTheSameProblems() {
        List<ProblemCount> a = counts(5, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.DEFAULT.pooled(List.of(a, a.subList(0, 4)), 1));
    }
}
