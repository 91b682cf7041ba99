package ablation.engine.train;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import java.util.ArrayList;
import java.util.List;

/** Tiny configs and a recording sink shared by the training tests. */
final class TinyRuns {
    static final int VOCAB = 40;
    static final int CONTEXT = 16;

    private TinyRuns() {}

    /** A two-layer model on 16-token rows, 4 rows per step in 2 micro-batches, {@code steps} steps. */
    static RunConfig config(String arch, int steps, String extraTrain) {
        return ConfigLoader.parse("""
                name: tiny
                model: {arch: %s, layers: 2, d_model: 32, heads: 4, rotary_dim: 4, context: %d}
                data: {sources: [{name: synthetic, kind: desk-pl}]}
                objective: {clm: %s, prefix_lm: %s}
                train: {tokens: %d, batch: 4, micro_batch: 2, lr: 0.01, warmup: 2, min_lr: 0.001, seed: 11,
                        device: cpu, log_every: 1, checkpoint_every: 1000 %s}
                """.formatted(
                        arch,
                        CONTEXT,
                        arch.equals("prefix_lm") ? "0.5" : "1.0",
                        arch.equals("prefix_lm") ? "0.5" : "0.0",
                        steps * 4 * CONTEXT,
                        extraTrain));
    }

    static SyntheticBatchStream stream(RunConfig config) {
        return new SyntheticBatchStream(
                VOCAB, config.train().microBatch(), CONTEXT, 5, config.model().isPrefixLm());
    }

    /** Keeps every (key, step, value) it is given. */
    static final class Recorder implements MetricsSink {
        final List<double[]> losses = new ArrayList<>();

        @Override
        public void record(String key, long step, double value) {
            if (key.equals(TRAIN_LOSS)) losses.add(new double[] {step, value});
        }
    }
}
