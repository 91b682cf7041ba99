package ablation.core.config;

/**
 * The optimisation budget and schedule: AdamW (decay on matrices only), linear warm-up then cosine
 * to {@code min_lr}, global-norm clipping.
 *
 * @param tokens training tokens; steps = tokens / (batch · context)
 * @param batch sequences per optimizer step
 * @param microBatch sequences per forward/backward; batch / micro_batch steps of gradient accumulation (0: = batch)
 * @param device {@code auto} (a GPU when DJL sees one), {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param checkpointEvery optimizer steps between checkpoints (a final one is always written)
 * @param logEvery optimizer steps between loss reads (each read is a host sync)
 */
public record TrainConfig(
        long tokens,
        int batch,
        int microBatch,
        double lr,
        int warmup,
        double minLr,
        double weightDecay,
        double beta1,
        double beta2,
        double eps,
        double clip,
        long seed,
        String device,
        int checkpointEvery,
        int logEvery) {
    public TrainConfig {
        Check.positive("train.tokens", tokens);
        Check.positive("train.batch", batch);
        Check.nonNegative("train.micro_batch", microBatch);
        if (microBatch == 0) microBatch = batch;
        if (batch % microBatch != 0) {
            throw new ConfigException("train.micro_batch", microBatch, "must divide train.batch (" + batch + ")");
        }
        Check.positive("train.lr", lr);
        Check.nonNegative("train.warmup", warmup);
        Check.nonNegative("train.min_lr", minLr);
        if (minLr > lr) throw new ConfigException("train.min_lr", minLr, "must not exceed train.lr " + lr);
        Check.nonNegative("train.weight_decay", weightDecay);
        if (!(beta1 >= 0 && beta1 < 1)) throw new ConfigException("train.beta1", beta1, "must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ConfigException("train.beta2", beta2, "must be in [0, 1)");
        Check.positive("train.eps", eps);
        Check.nonNegative("train.clip", clip);
        Device.of(device);
        Check.positive("train.checkpoint_every", checkpointEvery);
        Check.positive("train.log_every", logEvery);
    }

    public int accumulationSteps() {
        return batch / microBatch;
    }

    /** Optimizer steps that consume the token budget at this sequence length (at least one). */
    public long steps(int sequenceLength) {
        return Math.max(1, tokens / ((long) batch * sequenceLength));
    }
}
