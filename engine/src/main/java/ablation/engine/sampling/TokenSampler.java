package ablation.engine.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses one row's next token from its last-position logits, on the host: temperature, then top-k,
 * then top-p, then one uniform draw from the row's own generator (inverse CDF over the kept tokens).
 * Sampling on the host keeps it exactly reproducible for a seed on any device, and the logits of a
 * row are one small copy per step (V floats). Not thread-safe (scratch buffers).
 *
 * <p>Top-p without sorting the whole vocabulary: the nucleus is the head of the tokens sorted by
 * probability, so only tokens above a small probability floor are sorted; if those do not reach
 * {@code top_p}, all are sorted. The result is the same as a full sort.
 */
final class TokenSampler {
    /** Probability (relative to the total) below which a token is only sorted when the nucleus needs it. */
    private static final double FLOOR = 1e-6;

    private final SamplingConfig config;
    private final int vocab;
    private final double[] weights; // exp((logit - max) / T) per token
    private final long[] order; // sortable (logit, token) keys

    TokenSampler(SamplingConfig config, int vocab) {
        this.config = config;
        this.vocab = vocab;
        this.weights = new double[vocab];
        this.order = new long[vocab];
    }

    /** The token for the row of {@code logits} starting at {@code offset} ({@code vocab} values). */
    int next(float[] logits, int offset, SplittableRandom random) {
        int best = argMax(logits, offset);
        if (config.isGreedy()) return best;
        double max = logits[offset + best];
        double inverseT = 1 / config.temperature();
        double total = 0;
        for (int i = 0; i < vocab; i++) {
            weights[i] = Math.exp((logits[offset + i] - max) * inverseT);
            total += weights[i];
        }
        boolean topK = config.topK() > 0 && config.topK() < vocab;
        if (!topK && config.topP() >= 1) return drawInIndexOrder(total, random);
        int candidates;
        if (topK) {
            sorted(logits, offset, 0);
            candidates = config.topK();
            total = 0;
            for (int j = 0; j < candidates; j++) total += weights[token(order[j])];
        } else {
            candidates = sorted(logits, offset, FLOOR * total);
            if (mass(candidates) < config.topP() * total) candidates = sorted(logits, offset, 0);
        }
        // the nucleus: the shortest head of the order whose probability reaches top_p (at least one token)
        double target = config.topP() * total;
        double nucleus = 0;
        int kept = 0;
        while (kept < candidates && (kept == 0 || nucleus < target)) nucleus += weights[token(order[kept++])];
        double u = random.nextDouble() * nucleus;
        for (int j = 0; j < kept - 1; j++) {
            u -= weights[token(order[j])];
            if (u < 0) return token(order[j]);
        }
        return token(order[kept - 1]);
    }

    private int argMax(float[] logits, int offset) {
        int best = 0;
        for (int i = 1; i < vocab; i++) {
            if (logits[offset + i] > logits[offset + best]) best = i;
        }
        return best;
    }

    private int drawInIndexOrder(double total, SplittableRandom random) {
        double u = random.nextDouble() * total;
        for (int i = 0; i < vocab - 1; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return vocab - 1;
    }

    /** Sorts the tokens whose weight is at least {@code floor} by logit, highest first (ties: lower id first); returns how many. */
    private int sorted(float[] logits, int offset, double floor) {
        int n = 0;
        for (int i = 0; i < vocab; i++) {
            if (weights[i] >= floor) order[n++] = (long) descending(logits[offset + i]) << 32 | i;
        }
        Arrays.sort(order, 0, n);
        return n;
    }

    private double mass(int candidates) {
        double sum = 0;
        for (int j = 0; j < candidates; j++) sum += weights[token(order[j])];
        return sum;
    }

    /** An int that sorts ascending as {@code value} sorts descending. */
    private static int descending(float value) {
        int bits = Float.floatToIntBits(-value);
        return bits < 0 ? bits ^ 0x7FFFFFFF : bits;
    }

    private static int token(long key) {
        return (int) key;
    }
}
