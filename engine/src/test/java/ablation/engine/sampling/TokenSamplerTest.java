package ablation.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
    /** Probabilities 0.5, 0.3, 0.15, 0.05 as logits, shuffled over the ids so that order by id means nothing. */
    static final float[] LOGITS = {
        (float) Math.log(0.15), (float) Math.log(0.5), (float) Math.log(0.05), (float) Math.log(0.3)
    };

    static final int DRAWS = 40_000;

    static double[] frequencies(SamplingConfig config) {
        TokenSampler sampler = new TokenSampler(config, LOGITS.length);
        SplittableRandom random = new SplittableRandom(1);
        double[] counts = new double[LOGITS.length];
        for (int i = 0; i < DRAWS; i++) counts[sampler.next(LOGITS, 0, random)]++;
        for (int i = 0; i < counts.length; i++) counts[i] /= DRAWS;
        return counts;
    }

    static void assertFrequencies(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            // binomial standard error at 40,000 draws is at most 0.0025: 0.01 is four of them
            assertEquals(expected[i], actual[i], expected[i] == 0 ? 0 : 0.01, "token " + i);
        }
    }

    @Test
    void temperatureOneSamplesTheModelsDistribution() {
        assertFrequencies(new double[] {0.15, 0.5, 0.05, 0.3}, frequencies(new SamplingConfig(1, 1, 0, 1)));
    }

    @Test
    void topPKeepsTheSmallestHeadReachingP() {
        // 0.5 + 0.3 = 0.8 >= 0.75: tokens 1 and 3, renormalised to 0.625 and 0.375
        assertFrequencies(new double[] {0, 0.625, 0, 0.375}, frequencies(new SamplingConfig(1, 0.75, 0, 1)));
        // 0.5 + 0.3 < 0.85: token 0 joins
        assertFrequencies(
                new double[] {0.15 / 0.95, 0.5 / 0.95, 0, 0.3 / 0.95}, frequencies(new SamplingConfig(1, 0.85, 0, 1)));
    }

    @Test
    void topKKeepsTheKMostLikelyThenTopPAppliesWithinThem() {
        assertFrequencies(
                new double[] {0.15 / 0.95, 0.5 / 0.95, 0, 0.3 / 0.95}, frequencies(new SamplingConfig(1, 1, 3, 1)));
        // within the top 2 (0.625, 0.375), a nucleus of 0.6 is token 1 alone
        assertFrequencies(new double[] {0, 1, 0, 0}, frequencies(new SamplingConfig(1, 0.6, 2, 1)));
    }

    @Test
    void temperatureSharpensAndFlattens() {
        // T = 0.5 squares the probabilities: 0.0225, 0.25, 0.0025, 0.09 over 0.365
        double[] cold = frequencies(new SamplingConfig(0.5, 1, 0, 1));
        assertFrequencies(new double[] {0.0225 / 0.365, 0.25 / 0.365, 0.0025 / 0.365, 0.09 / 0.365}, cold);
        assertFrequencies(new double[] {0, 1, 0, 0}, frequencies(new SamplingConfig(0, 1, 0, 1)));
    }

    @Test
    void theNucleusOfALargeVocabularyIsItsHead() {
        // 5,000 tokens: three likely ones and a long flat tail, so that the floor filter matters
        int vocab = 5000;
        float[] logits = new float[vocab];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < vocab; i++) logits[i] = (float) (random.nextGaussian() * 0.5);
        logits[4321] = 9;
        logits[17] = 8.5f;
        logits[999] = 8;
        double z = 0;
        for (float l : logits) z += Math.exp(l);
        double head = (Math.exp(9) + Math.exp(8.5)) / z;
        // top_p just above the two heads' mass: the nucleus is them and the third
        TokenSampler sampler = new TokenSampler(new SamplingConfig(1, head + 1e-9, 0, 1), vocab);
        Set<Integer> seen = new TreeSet<>();
        SplittableRandom draws = new SplittableRandom(4);
        for (int i = 0; i < 3000; i++) seen.add(sampler.next(logits, 0, draws));
        assertEquals(Set.of(17, 999, 4321), seen);
    }
}
