package ablation.engine.sampling;

import ablation.core.WorkbenchException;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import ablation.engine.train.TrainBenchmark;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sampling speed as ratios measured in one process ({@code workbench bench sample}): tokens/s of
 * KV-cached batched sampling against re-feeding the whole sequence every step, on a random model
 * of a preset's shape; n samples of one prompt, every sample running the full number of new
 * tokens (no stops), temperature 0.8 and top-p 0.95 as in an evaluation. Also the share of the
 * cached time spent choosing tokens on the host.
 */
public final class SampleBenchmark {
    /**
     * @param hostShare time spent in host-side token choice (temperature, top-p, draw) over the cached sampling time
     */
    public record Result(
            String preset,
            int n,
            int promptTokens,
            int newTokens,
            double cachedTokensPerSecond,
            double uncachedTokensPerSecond,
            double speedup,
            double hostShare) {}

    private static final double TEMPERATURE = 0.8;
    private static final double TOP_P = 0.95;
    private static final StopRule NO_STOP = new StopRule(new int[0], List.of());

    private SampleBenchmark() {}

    public static Result run(TrainBenchmark.Preset preset, int n, int promptTokens, int newTokens) {
        if (n < 1) throw new WorkbenchException("--n = " + n + ": must be at least 1");
        if (newTokens < 1) throw new WorkbenchException("--new-tokens = " + newTokens + ": must be at least 1");
        if (promptTokens < 1 || promptTokens + newTokens - 1 > preset.model().context()) {
            throw new WorkbenchException("--prompt-tokens = " + promptTokens + ": the prompt and " + newTokens
                    + " new tokens must fit the context of " + preset.model().context());
        }
        SamplingConfig sampling = new SamplingConfig(TEMPERATURE, TOP_P, 0, newTokens);
        SamplingConfig warmUp = new SamplingConfig(TEMPERATURE, TOP_P, 0, 4);
        try (Tokenizer tokenizer = new ByteTokenizer(4);
                NDManager manager = NDManager.newBaseManager();
                CodeGenModel model = new CodeGenModel(preset.model(), preset.vocab(), manager, 1)) {
            // the byte tokenizer is smaller than the preset's vocabulary: rule out the ids it cannot decode
            float[] bias = new float[preset.vocab()];
            for (int id = tokenizer.vocabSize(); id < bias.length; id++) bias[id] = -1e4f;
            model.parameters().asMap().get("lm_head.bias").set(bias);
            int[] prompt = new SplittableRandom(2).ints(promptTokens, 0, 256).toArray();
            Sampler cached = new Sampler(model, tokenizer, Sampler.Decoding.CACHED, n);
            Sampler uncached = new Sampler(model, tokenizer, Sampler.Decoding.UNCACHED, n);
            cached.sample(prompt, n, warmUp, NO_STOP, 0);
            uncached.sample(prompt, n, warmUp, NO_STOP, 0);
            double cachedSeconds = time(() -> cached.sample(prompt, n, sampling, NO_STOP, 1));
            double uncachedSeconds = time(() -> uncached.sample(prompt, n, sampling, NO_STOP, 1));
            double hostSeconds = hostSamplingSeconds(preset.vocab(), n * newTokens, sampling);
            long tokens = (long) n * newTokens;
            return new Result(
                    preset.name(),
                    n,
                    promptTokens,
                    newTokens,
                    tokens / cachedSeconds,
                    tokens / uncachedSeconds,
                    uncachedSeconds / cachedSeconds,
                    hostSeconds / cachedSeconds);
        }
    }

    /** Time to choose {@code draws} tokens on the host from logits spread like a random model's. */
    private static double hostSamplingSeconds(int vocab, int draws, SamplingConfig sampling) {
        SplittableRandom random = new SplittableRandom(3);
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) logits[i] = (float) random.nextGaussian();
        TokenSampler sampler = new TokenSampler(sampling, vocab);
        return time(() -> {
            for (int i = 0; i < draws; i++) sampler.next(logits, 0, random);
        });
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
