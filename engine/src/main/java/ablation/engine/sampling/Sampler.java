package ablation.engine.sampling;

import ablation.engine.model.AttentionMask;
import ablation.engine.model.CodeGenModel;
import ablation.engine.model.KvCache;
import ablation.engine.tokenizer.Tokenizer;
import ablation.engine.train.NativeWork;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates n completions of one prompt, as rows of one batch (chunked when n is large). With
 * {@link Decoding#CACHED} the prompt is fed once and each step feeds one token per row through the
 * model's {@link KvCache}; {@link Decoding#UNCACHED} feeds the whole sequence again every step (the
 * baseline that {@code workbench bench sample} compares against). Both give the same tokens.
 *
 * <p>A prefix-LM reads its prompt as its bidirectional prefix (prefix length = prompt length), as it
 * was trained; the generated tokens attend causally.
 *
 * <p>Reproducible: sample i of a prompt draws from the i-th generator split from {@code seed}, so
 * the samples do not depend on the batch size or on n; the token choice happens on the host
 * ({@link TokenSampler}).
 */
public final class Sampler {
    /** How each step is computed. */
    public enum Decoding {
        CACHED,
        UNCACHED
    }

    /** Rows per batch when n is larger. */
    public static final int DEFAULT_BATCH = 32;

    private final CodeGenModel model;
    private final Tokenizer tokenizer;
    private final Decoding decoding;
    private final int maxBatch;
    private final int padding;

    public Sampler(CodeGenModel model, Tokenizer tokenizer) {
        this(model, tokenizer, Decoding.CACHED, DEFAULT_BATCH);
    }

    public Sampler(CodeGenModel model, Tokenizer tokenizer, Decoding decoding, int maxBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("batch " + maxBatch);
        if (tokenizer.vocabSize() > model.vocabSize()) {
            throw new IllegalArgumentException(
                    "the tokenizer has " + tokenizer.vocabSize() + " tokens, the model only " + model.vocabSize());
        }
        this.model = model;
        this.tokenizer = tokenizer;
        this.decoding = decoding;
        this.maxBatch = maxBatch;
        this.padding = tokenizer.specialId(Tokenizer.END_OF_TEXT);
    }

    /**
     * Switches the PyTorch engine of this process to one intra-op thread. Sampling feeds a few rows of
     * one token per step: its ops are too small to share between cores, and with several threads each
     * op waits for the slowest of them, which on a busy machine made sampling twenty times slower
     * (33 against 724 tokens/s measured at load 10 on 2 cores). Call it in processes that sample after
     * they have trained, or only sample.
     */
    public static void useOneThread() {
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library the call below needs
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    /** The longest prompt that leaves room in the context for {@code maxNewTokens} (the last one is never fed back). */
    public int promptLimit(int maxNewTokens) {
        return Math.max(1, model.config().context() - maxNewTokens + 1);
    }

    /**
     * {@code n} completions of {@code prompt}. A prompt longer than {@link #promptLimit} loses its
     * first tokens; generation also ends where the context does.
     */
    public List<Completion> sample(int[] prompt, int n, SamplingConfig config, StopRule stop, long seed) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt has no tokens");
        if (n < 1) throw new IllegalArgumentException("n = " + n);
        int limit = promptLimit(config.maxNewTokens());
        int[] fed = prompt.length > limit ? Arrays.copyOfRange(prompt, prompt.length - limit, prompt.length) : prompt;
        SplittableRandom root = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(new Row(root.split(), config.maxNewTokens()));
        int steps = Math.min(config.maxNewTokens(), model.config().context() - fed.length + 1);
        TokenSampler sampler = new TokenSampler(config, model.vocabSize());
        for (int from = 0; from < n; from += maxBatch) {
            List<Row> chunk = rows.subList(from, Math.min(n, from + maxBatch));
            NativeWork.run(
                    () -> { // an exit waits for the chunk (see NativeWork)
                        if (decoding == Decoding.CACHED) cached(fed, chunk, steps, sampler, stop);
                        else uncached(fed, chunk, steps, sampler, stop);
                    });
        }
        return rows.stream().map(row -> row.completion(tokenizer)).toList();
    }

    private void cached(int[] prompt, List<Row> rows, int steps, TokenSampler sampler, StopRule stop) {
        NDManager manager = model.manager();
        int batch = rows.size();
        try (KvCache cache = new KvCache(model)) {
            float[] logits;
            try (NDScope ignored = new NDScope()) {
                ignored.suppressNotUsedWarning();
                NDArray ids = manager.create(repeat(prompt, batch), new Shape(batch, prompt.length));
                logits = lastPosition(model.forward(ids, prefixes(manager, batch, prompt.length), cache));
            }
            for (int step = 0; ; step++) {
                int[] next = choose(rows, logits, sampler, stop, step == steps - 1);
                if (next == null) return;
                try (NDScope ignored = new NDScope()) {
                    ignored.suppressNotUsedWarning();
                    logits = lastPosition(model.forward(manager.create(next, new Shape(batch, 1)), null, cache));
                }
            }
        }
    }

    private void uncached(int[] prompt, List<Row> rows, int steps, TokenSampler sampler, StopRule stop) {
        NDManager manager = model.manager();
        int batch = rows.size();
        int[] sequences = repeat(prompt, batch);
        for (int step = 0; ; step++) {
            int length = prompt.length + step;
            float[] logits;
            try (NDScope ignored = new NDScope()) {
                ignored.suppressNotUsedWarning();
                NDArray ids = manager.create(sequences, new Shape(batch, length));
                logits = lastPosition(model.forward(ids, prefixes(manager, batch, prompt.length)));
            }
            int[] next = choose(rows, logits, sampler, stop, step == steps - 1);
            if (next == null) return;
            int[] longer = new int[batch * (length + 1)];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(sequences, b * length, longer, b * (length + 1), length);
                longer[b * (length + 1) + length] = next[b];
            }
            sequences = longer;
        }
    }

    /**
     * Picks each unfinished row's token from its logits (B·V, row-major) and applies the stop rule;
     * returns the tokens to feed next (finished rows get padding), or null when every row is done.
     */
    private int[] choose(List<Row> rows, float[] logits, TokenSampler sampler, StopRule stop, boolean lastStep) {
        int vocab = model.vocabSize();
        int[] next = new int[rows.size()];
        boolean running = false;
        for (int b = 0; b < rows.size(); b++) {
            Row row = rows.get(b);
            next[b] = padding;
            if (row.finish != null) continue;
            int token = sampler.next(logits, b * vocab, row.random);
            row.accept(token, stop, tokenizer, lastStep);
            if (row.finish == null) {
                next[b] = token;
                running = true;
            }
        }
        return running ? next : null;
    }

    /** The prefix-LM's per-row prefix lengths (the whole prompt), or null for a causal model. */
    private NDArray prefixes(NDManager manager, int batch, int promptLength) {
        if (!model.config().isPrefixLm()) return null;
        int[] lengths = new int[batch];
        Arrays.fill(lengths, promptLength);
        return AttentionMask.prefixLengths(manager, lengths);
    }

    /** (B, T, V) logits → the last position's, host copy of B·V floats. */
    private static float[] lastPosition(NDArray logits) {
        long length = logits.getShape().get(1);
        return logits.get(new NDIndex(":, {}, :", length - 1)).toFloatArray();
    }

    private static int[] repeat(int[] prompt, int times) {
        int[] out = new int[prompt.length * times];
        for (int b = 0; b < times; b++) System.arraycopy(prompt, 0, out, b * prompt.length, prompt.length);
        return out;
    }

    /** One sample in progress. */
    private static final class Row {
        final SplittableRandom random;
        final int[] tokens;
        int length;
        String text;
        Completion.Finish finish;

        Row(SplittableRandom random, int maxNewTokens) {
            this.random = random;
            this.tokens = new int[maxNewTokens];
        }

        void accept(int token, StopRule stop, Tokenizer tokenizer, boolean lastStep) {
            if (stop.isStopToken(token)) {
                finish = Completion.Finish.STOP_TOKEN;
                return;
            }
            tokens[length++] = token;
            if (stop.cutsText()) {
                String decoded = tokenizer.decode(Arrays.copyOf(tokens, length));
                int cut = stop.cut(decoded);
                if (cut >= 0) {
                    text = decoded.substring(0, cut);
                    finish = Completion.Finish.STOP_SEQUENCE;
                    return;
                }
            }
            if (lastStep) finish = Completion.Finish.LENGTH;
        }

        Completion completion(Tokenizer tokenizer) {
            int[] ids = Arrays.copyOf(tokens, length);
            return new Completion(text != null ? text : tokenizer.decode(ids), ids, finish);
        }
    }
}
