package ablation.engine.model;

import ablation.core.WorkbenchException;
import ablation.core.config.ModelConfig;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoder-only transformer shaped like CodeGen / GPT-J (docs/ARCHITECTURE.md, The paper): token embedding (no
 * position embedding; positions enter through rotary q/k), {@code layers} parallel blocks, a final
 * LayerNorm and an untied LM head with bias. No dropout.
 *
 * <pre>
 *   ids (B, T) int32 ─ wte ─► (B, T, d) ─ h.0 … h.(L-1) ─► ln_f ─ lm_head ─► logits (B, T, V)
 * </pre>
 * The architecture (causal or prefix-LM) only changes the attention mask: pass each row's prefix
 * length, or null for plain causal attention.
 */
public final class CodeGenModel implements AutoCloseable {
    private final ModelConfig config;
    private final int vocabSize;
    private final NDManager manager;
    private final Parameters parameters;
    private final NDArray wte; // (V, d)
    private final DecoderBlock[] blocks;
    private final NDArray lnFWeight; // (d)
    private final NDArray lnFBias; // (d)
    private final NDArray headWeight; // (V, d)
    private final NDArray headBias; // (V)
    private final RotaryEmbedding rotary;
    private final AttentionMask masks;

    /**
     * Builds the model on {@code parent}'s device with parameters drawn from N(0, init_std) after
     * seeding the engine's generator with {@code seed}: same config, vocabulary and seed, same model.
     * Build it outside any {@link NDScope} (the scope would free the parameters).
     */
    public CodeGenModel(ModelConfig config, int vocabSize, NDManager parent, long seed) {
        if (vocabSize < 2) throw new IllegalArgumentException("vocabulary size " + vocabSize);
        this.config = config;
        this.vocabSize = vocabSize;
        this.manager = parent.newSubManager();
        Engine.getInstance().setRandomSeed(Long.hashCode(seed));
        int d = config.dModel();
        parameters = new Parameters(manager, (float) config.initStd());
        wte = parameters.normal("wte.weight", new Shape(vocabSize, d));
        blocks = new DecoderBlock[config.layers()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new DecoderBlock(
                    parameters, manager, "h." + i + ".", d, config.heads(), (float) config.layerNormEpsilon());
        }
        lnFWeight = parameters.ones("ln_f.weight", d);
        lnFBias = parameters.zeros("ln_f.bias", d);
        headWeight = parameters.normal("lm_head.weight", new Shape(vocabSize, d));
        headBias = parameters.zeros("lm_head.bias", vocabSize);
        rotary = new RotaryEmbedding(manager, config.headDim(), config.rotaryDim(), config.context());
        masks = new AttentionMask(manager, config.context());
    }

    /**
     * @param ids (B, T) int32 token ids, T &le; context
     * @param prefixLengths (B) int32 bidirectional prefix of each row, or null (causal)
     * @return logits (B, T, V)
     */
    public NDArray forward(NDArray ids, NDArray prefixLengths) {
        return forward(ids, prefixLengths, null);
    }

    /**
     * The incremental form: the new tokens sit at positions {@code cache.length() ..}, attend to the
     * cached positions and to each other, and their keys and values are added to the cache. A
     * first call with a prompt may give prefix lengths (a prefix-LM reading its prompt); later
     * tokens attend causally.
     *
     * @param ids (B, T) int32, the tokens after those in the cache
     * @param prefixLengths (B) int32 or null
     * @param cache keys and values so far, updated in place; null for a plain forward
     * @return logits (B, T, V) for the new positions
     */
    public NDArray forward(NDArray ids, NDArray prefixLengths, KvCache cache) {
        int length = Math.toIntExact(ids.getShape().get(1));
        int past = cache == null ? 0 : cache.length();
        if (past + length > config.context()) {
            throw new IllegalArgumentException(
                    (past + length) + " positions exceed the context of " + config.context());
        }
        NDArray mask = masks.forQueries(past, length, prefixLengths);
        RotaryEmbedding.Tables positions = rotary.at(past, length);
        NDArray x = Embedding.embedding(ids, wte, SparseFormat.DENSE).head(); // (B, T, d)
        for (int i = 0; i < blocks.length; i++) {
            x = blocks[i].forward(x, mask, rotary, positions, cache, i);
        }
        if (cache != null) cache.advance(length);
        NDArray normed = LayerNorm.layerNorm(
                        x, new Shape(config.dModel()), lnFWeight, lnFBias, (float) config.layerNormEpsilon())
                .head();
        return Linear.linear(normed, headWeight, headBias).head(); // (B, T, V)
    }

    /**
     * Negative log-likelihood of each target.
     *
     * @param logits (B, T, V)
     * @param targets (B, T) int64
     * @return (B, T) per-token loss in nats
     */
    public static NDArray tokenLosses(NDArray logits, NDArray targets) {
        Shape shape = targets.getShape();
        return logits.logSoftmax(2)
                .gather(targets.reshape(shape.get(0), shape.get(1), 1), 2)
                .reshape(shape)
                .neg();
    }

    /**
     * Minus the log-probability of each continuation after the same prompt, in nats (the sum over
     * its tokens), from one forward pass: row i is {@code prompt + continuations[i]} less its last
     * token, (R, P + C - 1) with C the longest continuation. Shorter rows are padded at the end,
     * after every position they score, so causal attention never reads the padding; a prefix-LM
     * reads the prompt as its bidirectional prefix, as it does when it samples. Every row must fit
     * the context: {@code P + C - 1 <= context}.
     *
     * @param prompt P >= 1 tokens, starting with {@code <|endoftext|>} as a document does
     * @param continuations R >= 1 continuations of one token or more
     */
    public double[] continuationLosses(int[] prompt, List<int[]> continuations) {
        int longest = continuations.stream().mapToInt(c -> c.length).max().orElseThrow();
        int rows = continuations.size();
        int inputs = prompt.length + longest - 1;
        if (inputs > config.context())
            throw new IllegalArgumentException(inputs + " tokens do not fit the context of " + config.context());
        int[] ids = new int[rows * inputs];
        long[] targets = new long[rows * longest];
        float[] scored = new float[rows * longest];
        for (int r = 0; r < rows; r++) {
            int[] continuation = continuations.get(r);
            Arrays.fill(ids, r * inputs, (r + 1) * inputs, prompt[0]); // padding
            System.arraycopy(prompt, 0, ids, r * inputs, prompt.length);
            System.arraycopy(continuation, 0, ids, r * inputs + prompt.length, continuation.length - 1);
            for (int j = 0; j < continuation.length; j++) {
                targets[r * longest + j] = continuation[j];
                scored[r * longest + j] = 1;
            }
        }
        try (NDScope ignored = new NDScope()) {
            ignored.suppressNotUsedWarning();
            int[] prefixes = new int[rows];
            Arrays.fill(prefixes, prompt.length);
            NDArray prefix = config.isPrefixLm() ? AttentionMask.prefixLengths(manager, prefixes) : null;
            NDArray logits = forward(manager.create(ids, new Shape(rows, inputs)), prefix); // (R, T, V)
            NDArray continuationLogits = logits.get(new NDIndex(":, {}:, :", prompt.length - 1)); // (R, C, V)
            float[] sums = tokenLosses(continuationLogits, manager.create(targets, new Shape(rows, longest)))
                    .mul(manager.create(scored, new Shape(rows, longest)))
                    .sum(new int[] {1})
                    .toFloatArray();
            double[] losses = new double[rows];
            for (int r = 0; r < rows; r++) losses[r] = sums[r];
            return losses;
        }
    }

    /**
     * Mean loss per predicted token of a text (ids[1..] predicted from what precedes them), in
     * nats. A text longer than the context is cut into consecutive windows of {@code context}
     * predictions; each window starts without memory of the previous one.
     */
    public double meanTokenLoss(int[] ids) {
        if (ids.length < 2) throw new IllegalArgumentException("need at least two tokens to score, got " + ids.length);
        double total = 0;
        int predicted = ids.length - 1;
        try (NDScope ignored = new NDScope()) {
            ignored.suppressNotUsedWarning();
            for (int start = 0; start < predicted; start += config.context()) {
                int length = Math.min(config.context(), predicted - start);
                int[] inputs = new int[length];
                long[] targets = new long[length];
                for (int t = 0; t < length; t++) {
                    inputs[t] = ids[start + t];
                    targets[t] = ids[start + t + 1];
                }
                NDArray logits = forward(manager.create(inputs, new Shape(1, length)), null);
                total += tokenLosses(logits, manager.create(targets, new Shape(1, length)))
                        .sum()
                        .getFloat();
            }
        }
        return total / predicted;
    }

    /** A host copy of every parameter by name (what a checkpoint stores). */
    public Map<String, Safetensors.Tensor> snapshot() {
        Map<String, Safetensors.Tensor> copy = new LinkedHashMap<>();
        parameters
                .asMap()
                .forEach((name, tensor) ->
                        copy.put(name, new Safetensors.Tensor(tensor.getShape().getShape(), tensor.toFloatArray())));
        return copy;
    }

    /**
     * Overwrites every parameter from {@code tensors} (names and shapes must match this model
     * exactly); {@code source} names where they came from in the error.
     */
    public void load(Map<String, Safetensors.Tensor> tensors, String source) {
        for (Map.Entry<String, NDArray> each : parameters.asMap().entrySet()) {
            Safetensors.Tensor stored = tensors.get(each.getKey());
            long[] expected = each.getValue().getShape().getShape();
            if (stored == null) throw new WorkbenchException(source + ": parameter " + each.getKey() + " is missing");
            if (!Arrays.equals(stored.shape(), expected)) {
                throw new WorkbenchException(source + ": parameter " + each.getKey() + " has shape "
                        + Arrays.toString(stored.shape()) + " but the model config needs " + Arrays.toString(expected));
            }
            each.getValue().set(stored.values());
        }
        if (tensors.size() != parameters.asMap().size()) {
            List<String> extra = tensors.keySet().stream()
                    .filter(name -> !parameters.asMap().containsKey(name))
                    .toList();
            throw new WorkbenchException(source + ": parameters the model config does not have: " + extra);
        }
    }

    public ModelConfig config() {
        return config;
    }

    public int vocabSize() {
        return vocabSize;
    }

    public Parameters parameters() {
        return parameters;
    }

    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    @Override
    public void close() {
        manager.close();
    }
}
