package ablation.engine.train;

import ablation.engine.data.Batch;
import ablation.engine.data.BatchStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic, learnable batches for benchmarks and tests, needing no tokenizer or corpus: each
 * row is an arithmetic sequence modulo the vocabulary (random start and stride), so a model that
 * has seen two tokens can predict the rest. Batch k depends only on (seed, k), so the state is
 * just k. With {@code prefixLm}, each row gets a prefix of 1..T/2 tokens that is not scored.
 */
public final class SyntheticBatchStream implements BatchStream {
    private final int vocab;
    private final int batchSize;
    private final int length;
    private final long seed;
    private final boolean prefixLm;
    private long produced;

    public SyntheticBatchStream(int vocab, int batchSize, int length, long seed, boolean prefixLm) {
        this.vocab = vocab;
        this.batchSize = batchSize;
        this.length = length;
        this.seed = seed;
        this.prefixLm = prefixLm;
    }

    @Override
    public Batch next() {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + produced++);
        int n = batchSize * length;
        int[] inputs = new int[n];
        int[] targets = new int[n];
        float[] weights = new float[n];
        int[] prefixes = new int[batchSize];
        Arrays.fill(weights, 1f);
        for (int row = 0; row < batchSize; row++) {
            int start = random.nextInt(vocab);
            int stride = 1 + random.nextInt(Math.min(vocab - 1, 7));
            for (int t = 0; t < length; t++) {
                inputs[row * length + t] = (int) ((start + (long) stride * t) % vocab);
                targets[row * length + t] = (int) ((start + (long) stride * (t + 1)) % vocab);
            }
            if (prefixLm) {
                prefixes[row] = 1 + random.nextInt(Math.max(1, length / 2));
                Arrays.fill(weights, row * length, row * length + prefixes[row], 0f);
            }
        }
        return new Batch(batchSize, length, inputs, targets, weights, prefixes);
    }

    @Override
    public String state() {
        return "{\"produced\":" + produced + "}";
    }

    @Override
    public void restore(String state) {
        produced = Long.parseLong(state.replaceAll("[^0-9]", ""));
    }
}
