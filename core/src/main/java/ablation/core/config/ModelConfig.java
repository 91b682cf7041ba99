package ablation.core.config;

/**
 * Shape of a CodeGen-style decoder (docs/ARCHITECTURE.md, The paper). The vocabulary size is not
 * here: it is the tokenizer's.
 *
 * @param arch causal, or prefix-LM (bidirectional attention over a per-sequence prefix)
 * @param rotaryDim dimensions of each head that get rotary position embedding (even, at most the head dimension)
 * @param context maximum sequence length in tokens
 */
public record ModelConfig(
        Arch arch,
        int layers,
        int dModel,
        int heads,
        int rotaryDim,
        int context,
        double layerNormEpsilon,
        double initStd) {
    /** The shortest context a run may have. */
    public static final int MIN_CONTEXT = 8;

    public ModelConfig {
        Check.present("model.arch", arch);
        Check.positive("model.layers", layers);
        Check.positive("model.d_model", dModel);
        Check.positive("model.heads", heads);
        if (context < MIN_CONTEXT) {
            throw new ConfigException(
                    "model.context",
                    context,
                    "must be at least " + MIN_CONTEXT + " tokens (shorter sequences leave nothing to predict)");
        }
        Check.positive("model.layer_norm_epsilon", layerNormEpsilon);
        Check.positive("model.init_std", initStd);
        if (dModel % heads != 0) {
            throw new ConfigException("model.d_model", dModel, "must be divisible by model.heads (" + heads + ")");
        }
        if (dModel / heads % 2 != 0) {
            throw new ConfigException(
                    "model.d_model",
                    dModel,
                    "gives an odd head dimension d_model / heads = " + dModel / heads
                            + "; rotary rotates pairs, so the head dimension must be even");
        }
        Check.nonNegative("model.rotary_dim", rotaryDim);
        if (rotaryDim % 2 != 0)
            throw new ConfigException("model.rotary_dim", rotaryDim, "must be even (rotary rotates pairs)");
        if (rotaryDim > dModel / heads) {
            throw new ConfigException(
                    "model.rotary_dim",
                    rotaryDim,
                    "must not exceed the head dimension d_model / heads = " + dModel / heads);
        }
    }

    public int headDim() {
        return dModel / heads;
    }

    public boolean isPrefixLm() {
        return arch == Arch.PREFIX_LM;
    }

    /**
     * Parameters of the model for a vocabulary of {@code vocab} tokens (embedding, blocks, final norm,
     * head); absurd shapes saturate at {@code Long.MAX_VALUE} instead of wrapping.
     */
    public long parameterCount(int vocab) {
        long d = dModel;
        long block = 2 * d // ln_1
                + 4 * d * d // q, k, v, out (no bias)
                + d * 4 * d
                + 4 * d // fc_in
                + 4 * d * d
                + d; // fc_out
        if ((double) layers * 12 * d * d + 2.0 * d * vocab > Long.MAX_VALUE / 2) return Long.MAX_VALUE;
        return vocab * d + layers * block + 2 * d + d * vocab + vocab;
    }

    /**
     * Training FLOPs per token: 6 per non-embedding-lookup parameter (forward and backward) plus
     * the attention score and value products, 6 · 2 · layers · context · d_model (causal halving ignored,
     * as in the PaLM appendix).
     */
    public double trainingFlopsPerToken(int vocab, int sequenceLength) {
        long lookup = (long) vocab * dModel;
        return 6.0 * (parameterCount(vocab) - lookup) + 12.0 * layers * sequenceLength * dModel;
    }
}
