package ablation.engine.sampling;

import ablation.core.config.Check;
import ablation.core.config.ConfigException;
import ablation.core.config.EvalConfig;

/**
 * How each next token is chosen: logits divided by {@code temperature}, restricted to the
 * {@code topK} most likely tokens (0: all), then to the smallest set whose probability reaches
 * {@code topP} (nucleus sampling, Holtzman et al. 2020), renormalised and sampled. Temperature 0,
 * or top-k 1, is greedy decoding (the most likely token, no randomness).
 *
 * @param maxNewTokens most tokens generated per sample, stop token included
 */
public record SamplingConfig(double temperature, double topP, int topK, int maxNewTokens) {
    public SamplingConfig {
        Check.nonNegative("temperature", temperature);
        if (!(topP > 0 && topP <= 1)) throw new ConfigException("top_p", topP, "must be in (0, 1]");
        Check.nonNegative("top_k", topK);
        Check.positive("max_new_tokens", maxNewTokens);
    }

    public static SamplingConfig greedy(int maxNewTokens) {
        return new SamplingConfig(0, 1, 0, maxNewTokens);
    }

    public static SamplingConfig of(EvalConfig eval) {
        return new SamplingConfig(eval.temperature(), eval.topP(), eval.topK(), eval.maxNewTokens());
    }

    public boolean isGreedy() {
        return temperature == 0 || topK == 1;
    }
}
