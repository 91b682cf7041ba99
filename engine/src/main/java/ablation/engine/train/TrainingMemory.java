package ablation.engine.train;

import ablation.core.config.ModelConfig;

/**
 * What training a model holds in memory, estimated from its shape before anything is allocated, so a
 * model that cannot fit is refused with a figure instead of swapping the machine to a halt
 * (docs/ARCHITECTURE.md, "Bad input"). All tensors are float32.
 *
 * <p>Native (PyTorch) memory: the parameters, their gradients, AdamW's two moments, and the
 * activations one micro-batch keeps for the backward pass: per layer 18 {@code B·T·d} tensors (layer
 * norm, q, k, v, rotated q and k, attention output and projection, the 4d MLP hidden state before and
 * after GELU, the MLP output, the residual) and 3 {@code B·h·T²} (scores, mask applied, softmax); the
 * embedding output {@code B·T·d}; and 3 {@code B·T·V} for the logits, their log-softmax and gradient.
 * Java heap: a checkpoint copies the parameters and both moments into float arrays.
 *
 * @param parameterBytes the model's parameters
 * @param gradientBytes one gradient per parameter
 * @param optimizerBytes AdamW's first and second moments
 * @param activationBytes what the forward pass of one micro-batch keeps for the backward pass
 * @param heapBytes Java heap a checkpoint needs
 */
public record TrainingMemory(
        long parameterBytes, long gradientBytes, long optimizerBytes, long activationBytes, long heapBytes) {
    private static final long FLOAT = 4;

    /** The estimate for a model of this shape and vocabulary trained {@code microBatch} sequences at a time. */
    public static TrainingMemory of(ModelConfig model, int vocab, int microBatch) {
        double parameters = model.parameterCount(vocab);
        double b = microBatch;
        double t = model.context();
        double d = model.dModel();
        double perLayer = 18 * b * t * d + 3 * b * model.heads() * t * t;
        double activations = model.layers() * perLayer + b * t * d + 3 * b * t * vocab;
        return new TrainingMemory(
                bytes(parameters), bytes(parameters), bytes(2 * parameters), bytes(activations), bytes(3 * parameters));
    }

    /** Parameters, gradients, optimizer state and activations: what PyTorch allocates outside the heap. */
    public long nativeBytes() {
        return saturatingSum(
                saturatingSum(parameterBytes, gradientBytes), saturatingSum(optimizerBytes, activationBytes));
    }

    /** Native memory and the checkpoint's heap copy together: what the machine must hold. */
    public long totalBytes() {
        return saturatingSum(nativeBytes(), heapBytes);
    }

    /** Floats to bytes, computed in doubles so that absurd shapes saturate instead of overflowing. */
    private static long bytes(double floats) {
        double bytes = floats * FLOAT;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    private static long saturatingSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
