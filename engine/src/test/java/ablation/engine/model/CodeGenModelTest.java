package ablation.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.Arch;
import ablation.core.config.ModelConfig;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeGenModelTest {
    static final int VOCAB = 50;
    static final int T = 10;
    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** Two layers, head dimension 8 of which 4 rotate (so the pass-through part is exercised too). */
    static ModelConfig tiny(Arch arch) {
        return new ModelConfig(arch, 2, 32, 4, 4, 16, 1e-5, 0.2);
    }

    static int[] randomIds(long seed, int n) {
        java.util.Random random = new java.util.Random(seed);
        return random.ints(n, 0, VOCAB).toArray();
    }

    /** Logits (T, V) of one row as host arrays, one per position. */
    static float[][] logitsOf(CodeGenModel model, int[] ids, int prefix) {
        NDArray prefixes = AttentionMask.prefixLengths(manager, new int[] {prefix});
        NDArray logits = model.forward(manager.create(ids, new Shape(1, ids.length)), prefixes);
        float[][] rows = new float[ids.length][];
        for (int t = 0; t < ids.length; t++)
            rows[t] = logits.get(new NDIndex("0, {}", t)).toFloatArray();
        logits.close();
        return rows;
    }

    @Test
    void continuationLossesInOneBatchEqualEachContinuationScoredAlone() {
        for (Arch arch : Arch.values()) {
            try (CodeGenModel model = new CodeGenModel(tiny(arch), VOCAB, manager, 3)) {
                int[] prompt = randomIds(4, 7);
                List<int[]> continuations = List.of(randomIds(5, 3), randomIds(6, 1), randomIds(7, 6));
                double[] batched = model.continuationLosses(prompt, continuations);
                for (int i = 0; i < continuations.size(); i++) {
                    int[] c = continuations.get(i);
                    int[] ids = Arrays.copyOf(prompt, prompt.length + c.length - 1);
                    System.arraycopy(c, 0, ids, prompt.length, c.length - 1);
                    float[][] logits = logitsOf(model, ids, arch == Arch.PREFIX_LM ? prompt.length : 0);
                    double alone = 0;
                    for (int j = 0; j < c.length; j++) {
                        float[] row = logits[prompt.length - 1 + j];
                        double max = Double.NEGATIVE_INFINITY;
                        for (float v : row) max = Math.max(max, v);
                        double sum = 0;
                        for (float v : row) sum += Math.exp(v - max);
                        alone -= row[c[j]] - max - Math.log(sum);
                    }
                    assertEquals(alone, batched[i], 1e-4, arch + " continuation " + i + " (padding must not leak)");
                }
            }
        }
    }

    @Test
    void shapesAndParameterCountAgreeWithTheConfig() {
        ModelConfig config = tiny(Arch.CAUSAL);
        try (CodeGenModel model = new CodeGenModel(config, VOCAB, manager, 1)) {
            assertEquals(config.parameterCount(VOCAB), model.parameters().count());
            NDArray logits = model.forward(manager.create(randomIds(1, 3 * T), new Shape(3, T)), null);
            assertEquals(new Shape(3, T, VOCAB), logits.getShape());
            assertEquals(
                    new Shape(3L * 32, 32),
                    model.parameters().asMap().get("h.1.attn.qkv.weight").getShape());
            assertEquals(
                    new Shape(VOCAB),
                    model.parameters().asMap().get("lm_head.bias").getShape());
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        ModelConfig config = tiny(Arch.CAUSAL);
        try (CodeGenModel a = new CodeGenModel(config, VOCAB, manager, 7);
                CodeGenModel b = new CodeGenModel(config, VOCAB, manager, 7);
                CodeGenModel c = new CodeGenModel(config, VOCAB, manager, 8)) {
            float[] wa = a.parameters().asMap().get("wte.weight").toFloatArray();
            assertArrayEquals(wa, b.parameters().asMap().get("wte.weight").toFloatArray());
            assertTrue(
                    !Arrays.equals(wa, c.parameters().asMap().get("wte.weight").toFloatArray()));
        }
    }

    @Test
    void causalChangingTokenTLeavesEveryEarlierPositionIdentical() {
        try (CodeGenModel model = new CodeGenModel(tiny(Arch.CAUSAL), VOCAB, manager, 3)) {
            int[] ids = randomIds(2, T);
            int changed = 6;
            int[] other = ids.clone();
            other[changed] = (ids[changed] + 1) % VOCAB;
            float[][] before = logitsOf(model, ids, 0);
            float[][] after = logitsOf(model, other, 0);
            for (int t = 0; t < changed; t++) assertArrayEquals(before[t], after[t], 1e-6f, "position " + t);
            for (int t = changed; t < T; t++)
                assertTrue(maxDifference(before[t], after[t]) > 1e-4, "position " + t + " should see the change");
        }
    }

    @Test
    void prefixLmAttendsBidirectionallyInsideThePrefixOnly() {
        try (CodeGenModel model = new CodeGenModel(tiny(Arch.PREFIX_LM), VOCAB, manager, 4)) {
            int[] ids = randomIds(3, T);
            int prefix = 5;
            float[][] base = logitsOf(model, ids, prefix);

            int[] insidePrefix = ids.clone();
            insidePrefix[3] = (ids[3] + 1) % VOCAB;
            float[][] changedInside = logitsOf(model, insidePrefix, prefix);
            for (int t = 0; t < 3; t++) {
                assertTrue(
                        maxDifference(base[t], changedInside[t]) > 1e-4,
                        "prefix position " + t + " must see a later prefix token");
            }

            int[] afterPrefix = ids.clone();
            afterPrefix[7] = (ids[7] + 1) % VOCAB;
            float[][] changedAfter = logitsOf(model, afterPrefix, prefix);
            for (int t = 0; t < 7; t++) assertArrayEquals(base[t], changedAfter[t], 1e-6f, "position " + t);
            assertTrue(maxDifference(base[7], changedAfter[7]) > 1e-4);

            // a prefix of 0 is exactly the causal model
            int[] early = ids.clone();
            early[2] = (ids[2] + 1) % VOCAB;
            float[][] causalBase = logitsOf(model, ids, 0);
            float[][] causalChanged = logitsOf(model, early, 0);
            for (int t = 0; t < 2; t++) assertArrayEquals(causalBase[t], causalChanged[t], 1e-6f);
        }
    }

    @Test
    void cachedAndUncachedGreedyDecodingAgree() {
        try (CodeGenModel model = new CodeGenModel(tiny(Arch.CAUSAL), VOCAB, manager, 5)) {
            int[] prompt = randomIds(4, 4);
            int newTokens = 8;

            int[] uncached = Arrays.copyOf(prompt, prompt.length + newTokens);
            for (int n = prompt.length; n < uncached.length; n++) {
                float[][] logits = logitsOf(model, Arrays.copyOf(uncached, n), 0);
                uncached[n] = argMax(logits[n - 1]);
            }

            int[] cached = Arrays.copyOf(prompt, prompt.length + newTokens);
            try (KvCache cache = new KvCache(model)) {
                NDArray logits = model.forward(manager.create(prompt, new Shape(1, prompt.length)), null, cache);
                for (int n = prompt.length; n < cached.length; n++) {
                    float[] last = logits.get(new NDIndex("0, -1")).toFloatArray();
                    cached[n] = argMax(last);
                    assertEquals(n, cache.length());
                    logits = model.forward(manager.create(new int[] {cached[n]}, new Shape(1, 1)), null, cache);
                }
            }
            assertArrayEquals(uncached, cached);
            assertTrue(
                    Arrays.stream(uncached, prompt.length, uncached.length)
                                    .distinct()
                                    .count()
                            > 1,
                    "decoding should not be trivial");
        }
    }

    @Test
    void meanTokenLossIsTheMeanNegativeLogLikelihood() {
        try (CodeGenModel model = new CodeGenModel(tiny(Arch.CAUSAL), VOCAB, manager, 6)) {
            int[] ids = randomIds(5, T + 1);
            float[][] logits = logitsOf(model, Arrays.copyOf(ids, T), 0);
            double expected = 0;
            for (int t = 0; t < T; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : logits[t]) max = Math.max(max, v);
                double sum = 0;
                for (float v : logits[t]) sum += Math.exp(v - max);
                expected += max + Math.log(sum) - logits[t][ids[t + 1]];
            }
            assertEquals(expected / T, model.meanTokenLoss(ids), 1e-4);
        }
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }
}
