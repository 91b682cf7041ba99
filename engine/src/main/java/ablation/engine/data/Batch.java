package ablation.engine.data;

/**
 * One micro-batch, row-major over (batch, length). Row r predicts {@code targets[r][t]} from
 * {@code inputs[r][0..t]}; the objective builds a sequence of length+1 tokens and shifts it.
 *
 * @param inputs (B·T) token ids fed to the model
 * @param targets (B·T) the next token at each position
 * @param lossWeights (B·T) 1 where the target is scored, 0 where not (prefix, padding)
 * @param prefixLengths (B) tokens at the start of each row attended bidirectionally (prefix-LM; 0 for causal)
 */
public record Batch(int batchSize, int length, int[] inputs, int[] targets, float[] lossWeights, int[] prefixLengths) {
    public Batch {
        int n = batchSize * length;
        if (inputs.length != n || targets.length != n || lossWeights.length != n || prefixLengths.length != batchSize) {
            throw new IllegalArgumentException("batch arrays do not match (" + batchSize + ", " + length + ")");
        }
    }
}
