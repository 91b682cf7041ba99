package ablation.engine.objective;

/**
 * One training sequence as an objective made it: {@code length + 1} tokens (inputs and targets
 * are the sequence shifted by one), which tokens are scored as targets, and the prefix attended
 * bidirectionally by a prefix-LM.
 *
 * @param tokens the sequence, context + 1 tokens
 * @param scored {@code scored[j]}: the loss includes predicting {@code tokens[j]} from {@code tokens[0..j)}; index 0 is never scored
 * @param prefixLength leading input tokens attended bidirectionally (0 for a causal objective)
 */
public record Example(int[] tokens, boolean[] scored, int prefixLength) {
    public Example {
        if (scored.length != tokens.length) throw new IllegalArgumentException("scored and tokens differ in length");
        if (prefixLength < 0 || prefixLength >= tokens.length)
            throw new IllegalArgumentException("prefix length " + prefixLength);
    }

    /** Number of scored targets. */
    public int scoredCount() {
        int n = 0;
        for (int j = 1; j < scored.length; j++) if (scored[j]) n++;
        return n;
    }

    /** Writes this example as row {@code row} of (B, T) input, target and loss-weight arrays, T = tokens - 1. */
    public void writeRow(int row, int[] inputs, int[] targets, float[] lossWeights) {
        int length = tokens.length - 1;
        int at = row * length;
        System.arraycopy(tokens, 0, inputs, at, length);
        System.arraycopy(tokens, 1, targets, at, length);
        for (int t = 0; t < length; t++) lossWeights[at + t] = scored[t + 1] ? 1f : 0f;
    }
}
