package ablation.engine.train;

import ablation.engine.data.Batch;
import ablation.engine.model.AttentionMask;
import ablation.engine.model.CodeGenModel;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;

/**
 * One optimizer step: forward and backward over each micro-batch (gradients accumulate), then
 * global-norm clipping and an AdamW update. The loss is the mean over the scored tokens of the
 * whole step (each token weighted by {@link Batch#lossWeights}), so accumulation does not change
 * it. Every tensor of the step lives in one {@link NDScope}; the loss and the gradient norm come
 * back in a single host read.
 */
public final class TrainStep {
    private final CodeGenModel model;
    private final AdamW optimizer;
    private final double clip;

    public TrainStep(CodeGenModel model, AdamW optimizer, double clip) {
        this.model = model;
        this.optimizer = optimizer;
        this.clip = clip;
    }

    /** What one step measured: mean loss (nats/token), gradient norm before clipping, tokens fed. */
    public record Result(double loss, double gradientNorm, long tokens) {}

    public Result run(List<Batch> microBatches, double lr) {
        double scored = 0;
        long tokens = 0;
        for (Batch batch : microBatches) {
            for (float weight : batch.lossWeights()) scored += weight;
            tokens += batch.inputs().length;
        }
        float perToken = (float) (1 / Math.max(scored, 1e-12));
        NDManager manager = model.manager();
        try (NDScope ignored = new NDScope()) {
            ignored.suppressNotUsedWarning();
            NDArray lossSum = manager.zeros(new Shape());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                for (Batch batch : microBatches) {
                    NDArray loss = weightedLoss(manager, batch, perToken);
                    collector.backward(loss);
                    lossSum.addi(loss.stopGradient());
                }
            }
            NDArray squaredNorm = squaredGradientNorm();
            float[] read = NDArrays.stack(new NDList(lossSum, squaredNorm)).toFloatArray(); // the one host sync
            double norm = Math.sqrt(read[1]);
            float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
            optimizer.update((float) lr, scale);
            return new Result(read[0], norm, tokens);
        }
    }

    /** Σ weight·nll / scored tokens of the step, for one micro-batch. */
    private NDArray weightedLoss(NDManager manager, Batch batch, float perToken) {
        Shape shape = new Shape(batch.batchSize(), batch.length());
        long[] targets = new long[batch.targets().length];
        float[] weights = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = batch.targets()[i];
            weights[i] = batch.lossWeights()[i] * perToken;
        }
        NDArray ids = manager.create(batch.inputs(), shape);
        NDArray prefixes =
                model.config().isPrefixLm() ? AttentionMask.prefixLengths(manager, batch.prefixLengths()) : null;
        NDArray logits = model.forward(ids, prefixes);
        return CodeGenModel.tokenLosses(logits, manager.create(targets, shape))
                .muli(manager.create(weights, shape))
                .sum();
    }

    private NDArray squaredGradientNorm() {
        NDList squares = new NDList();
        for (NDArray parameter : model.parameters().asMap().values()) {
            squares.add(parameter.getGradient().square().sum());
        }
        return NDArrays.stack(squares).sum();
    }
}
