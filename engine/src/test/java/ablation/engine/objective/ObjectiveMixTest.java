package ablation.engine.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.FimFormat;
import ablation.core.config.FimLevel;
import ablation.core.config.ObjectiveConfig;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObjectiveMixTest {
    private final Tokenizer tokenizer = new ByteTokenizer(16);
    private final int eot = tokenizer.specialId(Tokenizer.END_OF_TEXT);

    private static ObjectiveConfig mix(double clm, double prefixLm, double spans, double fim) {
        return new ObjectiveConfig(
                clm,
                prefixLm,
                spans,
                fim,
                0.5,
                FimFormat.CODEGEN2,
                0.5,
                FimLevel.DOCUMENT,
                true,
                new ObjectiveConfig.Prefix(0.2, 0.6),
                new ObjectiveConfig.Span(0.05, 0.3, 1, 5, 16, true));
    }

    private StreamSource source() {
        return new StreamSource(
                List.of(tokenizer.encode("def add(a, b):\n    return a + b\n"), tokenizer.encode("Ünïcode prose. ")),
                eot);
    }

    @Test
    void causalLmIsThePackedStreamWithEverythingScored() {
        StreamSource source = source();
        Example example = new CausalLm().build(source, 100, new SplittableRandom(1));
        assertArrayEquals(source.stream(0, 100), example.tokens());
        assertEquals(99, example.scoredCount());
        assertEquals(0, example.prefixLength());
    }

    @Test
    void prefixLmScoresOnlyAfterItsPrefix() {
        PrefixLm objective = new PrefixLm(new ObjectiveConfig.Prefix(0.2, 0.6));
        for (int trial = 0; trial < 100; trial++) {
            Example example = objective.build(source(), 201, new SplittableRandom(trial));
            int p = example.prefixLength();
            assertTrue(p >= 40 && p <= 120, "prefix " + p + " outside [0.2, 0.6] of 200 inputs");
            for (int j = 1; j < 201; j++) assertEquals(j >= p, example.scored()[j], "token " + j + " with prefix " + p);
        }
    }

    @Test
    void rowsShiftTokensIntoInputsAndTargets() {
        Example example =
                new PrefixLm(new ObjectiveConfig.Prefix(0.5, 0.5)).build(source(), 11, new SplittableRandom(1));
        int[] inputs = new int[20];
        int[] targets = new int[20];
        float[] weights = new float[20];
        example.writeRow(1, inputs, targets, weights);
        for (int t = 0; t < 10; t++) {
            assertEquals(example.tokens()[t], inputs[10 + t]);
            assertEquals(example.tokens()[t + 1], targets[10 + t]);
            assertEquals(t + 1 >= example.prefixLength() ? 1f : 0f, weights[10 + t]);
        }
        assertEquals(0, inputs[0], "row 0 untouched");
    }

    @Test
    void realisedFractionsMatchTheConfiguredProbabilities() {
        ObjectiveMix mix = new ObjectiveMix(mix(0.5, 0.2, 0.3, 0), tokenizer);
        StreamSource source = source();
        int n = 4000;
        for (int i = 0; i < n; i++) mix.build(source, 64, new SplittableRandom(i));
        Map<String, Double> fractions = mix.fractions();
        double[] expected = {0.5, 0.2, 0.3, 0};
        String[] names = {"clm", "prefix_lm", "span_corruption", "fim"};
        for (int i = 0; i < 4; i++) {
            double p = expected[i];
            double tolerance = 4 * Math.sqrt(p * (1 - p) / n); // four standard errors
            assertEquals(p, fractions.get(names[i]), tolerance, names[i]);
        }
        assertEquals(0.0, fractions.get("fim"), "an objective with probability 0 is never drawn");
    }

    @Test
    void countsSurviveRestore() {
        ObjectiveMix mix = new ObjectiveMix(mix(0.5, 0, 0.5, 0), tokenizer);
        for (int i = 0; i < 10; i++) mix.build(source(), 64, new SplittableRandom(i));
        ObjectiveMix resumed = new ObjectiveMix(mix(0.5, 0, 0.5, 0), tokenizer);
        resumed.restoreCounts(mix.counts());
        assertEquals(mix.fractions(), resumed.fractions());
    }

    @Test
    void missingSentinelsAreNamed() {
        WorkbenchException e = assertThrows(
                WorkbenchException.class, () -> new ObjectiveMix(mix(0.5, 0, 0.5, 0), new ByteTokenizer(4)));
        assertTrue(e.getMessage().contains("<mask_5>") && e.getMessage().contains("max_spans"), e.getMessage());
        assertFalse(new ByteTokenizer(4).hasSpecial(Tokenizer.mask(5)));
    }
}
