package ablation.engine.export;

import ablation.core.WorkbenchException;
import ablation.core.config.ModelConfig;
import ablation.engine.model.Safetensors;
import ablation.engine.train.Checkpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a checkpoint in the Hugging Face GPT-J layout, so that {@code transformers}
 * ({@code GPTJForCausalLM.from_pretrained(dir)}) computes the same logits:
 * <pre>
 *   model.safetensors  transformer.wte.weight, transformer.h.{i}.ln_1.*, transformer.h.{i}.attn.{q,k,v,out}_proj.weight,
 *                      transformer.h.{i}.mlp.fc_in.*, transformer.h.{i}.mlp.fc_out.*, transformer.ln_f.*, lm_head.*
 *   config.json        model_type gptj, sizes, rotary_dim, gelu_new, untied head
 *   tokenizer.json     the checkpoint's tokenizer, when it has one
 * </pre>
 * Our linear weights already use PyTorch's (out, in) layout; the fused q/k/v matrix is split by
 * rows. Our rotary convention is GPT-J's (interleaved pairs over the first rotary_dim dimensions of
 * each head, base 10000), so no permutation is needed.
 */
public final class GptjExport {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GptjExport() {}

    /** Exports {@code checkpoint} into {@code out} (created if needed); returns the files written. */
    public static List<Path> export(Checkpoint checkpoint, Path out) {
        ModelConfig model = checkpoint.config().model();
        if (model.rotaryDim() == 0) {
            throw new WorkbenchException(checkpoint.directory() + ": model.rotary_dim = 0 has no GPT-J equivalent "
                    + "(transformers treats a missing rotary_dim as the whole embedding)");
        }
        try {
            Files.createDirectories(out);
            Safetensors.write(
                    out.resolve(WEIGHTS),
                    renamed(checkpoint.parameters(), model, checkpoint.directory()),
                    Map.of("format", "pt"));
            Path tokenizer = checkpoint.tokenizer().orElse(null);
            Files.writeString(
                    out.resolve(CONFIG),
                    JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(config(model, checkpoint.state().vocabSize(), tokenizer)));
            if (tokenizer == null) return List.of(out.resolve(WEIGHTS), out.resolve(CONFIG));
            Files.copy(tokenizer, out.resolve(TOKENIZER), StandardCopyOption.REPLACE_EXISTING);
            return List.of(out.resolve(WEIGHTS), out.resolve(CONFIG), out.resolve(TOKENIZER));
        } catch (IOException e) {
            throw new WorkbenchException("cannot export to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Our parameter names to GPT-J's, the fused q/k/v split into three (d, d) matrices. */
    static Map<String, Safetensors.Tensor> renamed(
            Map<String, Safetensors.Tensor> ours, ModelConfig model, Path source) {
        Map<String, Safetensors.Tensor> theirs = new LinkedHashMap<>();
        theirs.put("transformer.wte.weight", take(ours, "wte.weight", source));
        for (int i = 0; i < model.layers(); i++) {
            String from = "h." + i + ".";
            String to = "transformer.h." + i + ".";
            theirs.put(to + "ln_1.weight", take(ours, from + "ln_1.weight", source));
            theirs.put(to + "ln_1.bias", take(ours, from + "ln_1.bias", source));
            Safetensors.Tensor qkv = take(ours, from + "attn.qkv.weight", source);
            int d = model.dModel();
            String[] parts = {"q_proj", "k_proj", "v_proj"};
            for (int part = 0; part < 3; part++) {
                float[] rows = Arrays.copyOfRange(qkv.values(), part * d * d, (part + 1) * d * d);
                theirs.put(to + "attn." + parts[part] + ".weight", new Safetensors.Tensor(new long[] {d, d}, rows));
            }
            theirs.put(to + "attn.out_proj.weight", take(ours, from + "attn.out.weight", source));
            for (String name : List.of("mlp.fc_in.weight", "mlp.fc_in.bias", "mlp.fc_out.weight", "mlp.fc_out.bias")) {
                theirs.put(to + name, take(ours, from + name, source));
            }
        }
        theirs.put("transformer.ln_f.weight", take(ours, "ln_f.weight", source));
        theirs.put("transformer.ln_f.bias", take(ours, "ln_f.bias", source));
        theirs.put("lm_head.weight", take(ours, "lm_head.weight", source));
        theirs.put("lm_head.bias", take(ours, "lm_head.bias", source));
        return theirs;
    }

    private static Safetensors.Tensor take(Map<String, Safetensors.Tensor> tensors, String name, Path source) {
        Safetensors.Tensor tensor = tensors.get(name);
        if (tensor == null) throw new WorkbenchException(source + ": checkpoint lacks parameter " + name);
        return tensor;
    }

    /** The {@code GPTJConfig} of the model; bos/eos ids from the tokenizer's {@code <|endoftext|>} when known. */
    static ObjectNode config(ModelConfig model, int vocabSize, Path tokenizerJson) throws IOException {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add("GPTJForCausalLM");
        config.put("model_type", "gptj");
        config.put("vocab_size", vocabSize);
        config.put("n_positions", model.context());
        config.put("n_embd", model.dModel());
        config.put("n_layer", model.layers());
        config.put("n_head", model.heads());
        config.put("rotary_dim", model.rotaryDim());
        config.putNull("n_inner");
        config.put("activation_function", "gelu_new");
        config.put("layer_norm_epsilon", model.layerNormEpsilon());
        config.put("initializer_range", model.initStd());
        config.put("resid_pdrop", 0.0);
        config.put("embd_pdrop", 0.0);
        config.put("attn_pdrop", 0.0);
        config.put("tie_word_embeddings", false);
        config.put("use_cache", true);
        config.put("torch_dtype", "float32");
        Integer endOfText = tokenizerJson == null ? null : specialId(tokenizerJson, "<|endoftext|>");
        if (endOfText != null) {
            config.put("bos_token_id", endOfText);
            config.put("eos_token_id", endOfText);
        }
        return config;
    }

    private static Integer specialId(Path tokenizerJson, String token) throws IOException {
        for (JsonNode added : JSON.readTree(tokenizerJson.toFile()).path("added_tokens")) {
            if (token.equals(added.path("content").asText()))
                return added.path("id").asInt();
        }
        return null;
    }
}
