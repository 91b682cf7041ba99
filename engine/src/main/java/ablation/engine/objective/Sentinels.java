package ablation.engine.objective;

import ablation.core.WorkbenchException;
import ablation.engine.tokenizer.Tokenizer;

/**
 * The special-token ids the objectives insert, looked up once. Ids of tokens the configured
 * objectives do not use are -1; a missing token that is needed is an error naming the setting.
 */
record Sentinels(int endOfText, int sep, int endOfMask, int fimPrefix, int fimSuffix, int fimMiddle, int[] masks) {

    /** {@code <mask_k>}, k from 1. */
    int mask(int k) {
        return masks[k - 1];
    }

    static Sentinels resolve(Tokenizer tokenizer, int maskCount, boolean fimSentinels) {
        int[] masks = new int[maskCount];
        for (int k = 1; k <= maskCount; k++) masks[k - 1] = require(tokenizer, Tokenizer.mask(k));
        boolean masked = maskCount > 0;
        return new Sentinels(
                require(tokenizer, Tokenizer.END_OF_TEXT),
                masked ? require(tokenizer, Tokenizer.SEP) : -1,
                masked ? require(tokenizer, Tokenizer.END_OF_MASK) : -1,
                fimSentinels ? require(tokenizer, Tokenizer.FIM_PREFIX) : -1,
                fimSentinels ? require(tokenizer, Tokenizer.FIM_SUFFIX) : -1,
                fimSentinels ? require(tokenizer, Tokenizer.FIM_MIDDLE) : -1,
                masks);
    }

    private static int require(Tokenizer tokenizer, String token) {
        if (!tokenizer.hasSpecial(token)) {
            throw new WorkbenchException(
                    "the objective needs the special token " + token + ", which the tokenizer lacks"
                            + (token.startsWith("<mask_")
                                    ? " (raise tokenizer.mask_tokens or lower objective.span.max_spans)"
                                    : ""));
        }
        return tokenizer.specialId(token);
    }
}
