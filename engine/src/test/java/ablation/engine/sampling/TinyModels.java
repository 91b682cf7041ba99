package ablation.engine.sampling;

import ablation.core.config.Arch;
import ablation.core.config.ModelConfig;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.Tokenizer;
import ai.djl.ndarray.NDManager;
import java.util.function.IntPredicate;

/** Small random models for the sampling tests. */
public final class TinyModels {
    public static final int CONTEXT = 64;

    private TinyModels() {}

    /** Two layers, d 32, 4 heads; init std 0.2 so that logits are spread and greedy has no near-ties. */
    public static CodeGenModel random(Arch arch, Tokenizer tokenizer, NDManager manager, long seed) {
        return new CodeGenModel(
                new ModelConfig(arch, 2, 32, 4, 4, CONTEXT, 1e-5, 0.2), tokenizer.vocabSize(), manager, seed);
    }

    /** Makes every token that {@code allowed} rejects (practically) impossible, through the head's bias. */
    public static void only(CodeGenModel model, IntPredicate allowed) {
        float[] bias = new float[model.vocabSize()];
        for (int id = 0; id < bias.length; id++) bias[id] = allowed.test(id) ? 0 : -1e4f;
        model.parameters().asMap().get("lm_head.bias").set(bias);
    }

    /** Printable ASCII and newline: byte-tokenizer text that decodes one character per token. */
    public static boolean ascii(int id) {
        return id == '\n' || id >= 32 && id < 127;
    }
}
