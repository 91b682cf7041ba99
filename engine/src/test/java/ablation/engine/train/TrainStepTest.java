package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.config.RunConfig;
import ablation.engine.data.Batch;
import ablation.engine.model.CodeGenModel;
import ablation.engine.model.Safetensors;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainStepTest {
    /** Rows {@code from..to-1} of a batch. */
    static Batch rows(Batch batch, int from, int to) {
        int t = batch.length();
        return new Batch(
                to - from,
                t,
                Arrays.copyOfRange(batch.inputs(), from * t, to * t),
                Arrays.copyOfRange(batch.targets(), from * t, to * t),
                Arrays.copyOfRange(batch.lossWeights(), from * t, to * t),
                Arrays.copyOfRange(batch.prefixLengths(), from, to));
    }

    @Test
    void accumulatingMicroBatchesEqualsOneBigBatch() {
        RunConfig config = TinyRuns.config("prefix_lm", 1, "");
        // prefix-LM rows score different numbers of tokens: the mean must be over the whole step
        Batch batch = new SyntheticBatchStream(TinyRuns.VOCAB, 4, TinyRuns.CONTEXT, 3, true).next();
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel whole = new CodeGenModel(config.model(), TinyRuns.VOCAB, manager, 1);
                CodeGenModel split = new CodeGenModel(config.model(), TinyRuns.VOCAB, manager, 1);
                AdamW wholeOptimizer = new AdamW(whole.parameters(), manager, config.train());
                AdamW splitOptimizer = new AdamW(split.parameters(), manager, config.train())) {
            TrainStep.Result one = new TrainStep(whole, wholeOptimizer, 1.0).run(List.of(batch), 0.01);
            TrainStep.Result two =
                    new TrainStep(split, splitOptimizer, 1.0).run(List.of(rows(batch, 0, 1), rows(batch, 1, 4)), 0.01);
            assertEquals(one.loss(), two.loss(), 1e-5);
            assertEquals(one.gradientNorm(), two.gradientNorm(), 1e-5);
            assertEquals(4L * TinyRuns.CONTEXT, two.tokens());
            Map<String, Safetensors.Tensor> a = whole.snapshot();
            Map<String, Safetensors.Tensor> b = split.snapshot();
            // Adam's first step is about lr·sign(g): summation-order noise in tiny gradients shows at 1e-6
            for (String name : a.keySet())
                assertArrayEquals(a.get(name).values(), b.get(name).values(), 2e-5f, name);
        }
    }

    @Test
    void adamWDecaysMatricesButNotBiasesAndStepsByTheNormalisedGradient() {
        RunConfig config = TinyRuns.config("causal", 1, ", weight_decay: 0.5");
        float lr = 0.1f;
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel model = new CodeGenModel(config.model(), TinyRuns.VOCAB, manager, 2);
                AdamW optimizer = new AdamW(model.parameters(), manager, config.train())) {
            NDArray matrix = model.parameters().asMap().get("h.0.mlp.fc_in.weight");
            NDArray bias = model.parameters().asMap().get("h.0.mlp.fc_in.bias");
            float[] matrixBefore = matrix.toFloatArray();
            float[] biasBefore = bias.toFloatArray();
            float[] matrixGradient;
            float[] biasGradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(manager.create(new int[] {1, 2, 3, 4, 5, 6}, new Shape(1, 6)), null);
                collector.backward(logits.square().mean());
            }
            matrixGradient = matrix.getGradient().toFloatArray();
            biasGradient = bias.getGradient().toFloatArray();
            optimizer.update(lr, 0.5f);
            float[] matrixAfter = matrix.toFloatArray();
            float[] biasAfter = bias.toFloatArray();
            double eps = config.train().eps();
            for (int i = 0; i < 50; i++) {
                // step 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε) of the scaled gradient
                double g = 0.5 * matrixGradient[i];
                double expected = matrixBefore[i] * (1 - lr * 0.5) - lr * g / (Math.abs(g) + eps);
                assertEquals(expected, matrixAfter[i], 1e-5, "matrix element " + i);
            }
            for (int i = 0; i < biasBefore.length; i++) {
                double g = 0.5 * biasGradient[i];
                assertEquals(biasBefore[i] - lr * g / (Math.abs(g) + eps), biasAfter[i], 1e-5, "bias element " + i);
            }
            assertEquals(1, optimizer.step());
        }
    }
}
