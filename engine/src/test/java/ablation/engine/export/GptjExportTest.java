package ablation.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.model.CodeGenModel;
import ablation.engine.model.Safetensors;
import ablation.engine.train.Checkpoint;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.engine.train.SyntheticBatchStream;
import ablation.engine.train.Trainer;
import ablation.engine.train.TrainingJob;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptjExportTest {
    static final int VOCAB = 30;

    @TempDir
    Path temp;

    /** Two trained steps of a model whose heads rotate 4 of their 8 dimensions. */
    Checkpoint trainedCheckpoint() throws IOException {
        RunConfig config = ConfigLoader.parse("""
                name: export
                model: {layers: 2, d_model: 32, heads: 4, rotary_dim: 4, context: 12, init_std: 0.2}
                data: {sources: [{name: s, kind: desk-pl}]}
                train: {tokens: 96, batch: 4, lr: 0.01, warmup: 1, device: cpu}
                """);
        Path tokenizer = Files.writeString(
                temp.resolve("tokenizer.json"),
                "{\"added_tokens\": [{\"id\": 0, \"content\": \"<pad>\"}, {\"id\": 7, \"content\": \"<|endoftext|>\"}]}");
        try (Trainer trainer = Trainer.open(new TrainingJob(
                config, VOCAB, new SyntheticBatchStream(VOCAB, 4, 12, 1, false), temp.resolve("run"), tokenizer))) {
            trainer.train(MetricsSink.NONE, ProgressListener.NONE);
        }
        return Checkpoint.resolve(temp.resolve("run"));
    }

    @Test
    void writesGptjNamesShapesValuesAndConfig() throws IOException {
        Checkpoint checkpoint = trainedCheckpoint();
        Path out = temp.resolve("hf");
        GptjExport.export(checkpoint, out);
        Map<String, Safetensors.Tensor> exported = Safetensors.read(out.resolve(GptjExport.WEIGHTS));

        List<String> expected = new ArrayList<>(List.of("transformer.wte.weight"));
        for (int i = 0; i < 2; i++) {
            for (String name : List.of(
                    "ln_1.weight",
                    "ln_1.bias",
                    "attn.q_proj.weight",
                    "attn.k_proj.weight",
                    "attn.v_proj.weight",
                    "attn.out_proj.weight",
                    "mlp.fc_in.weight",
                    "mlp.fc_in.bias",
                    "mlp.fc_out.weight",
                    "mlp.fc_out.bias")) {
                expected.add("transformer.h." + i + "." + name);
            }
        }
        expected.addAll(List.of("transformer.ln_f.weight", "transformer.ln_f.bias", "lm_head.weight", "lm_head.bias"));
        assertEquals(
                expected.stream().sorted().toList(),
                exported.keySet().stream().sorted().toList());

        assertArrayEquals(
                new long[] {VOCAB, 32}, exported.get("transformer.wte.weight").shape());
        assertArrayEquals(
                new long[] {32, 32},
                exported.get("transformer.h.1.attn.k_proj.weight").shape());
        assertArrayEquals(
                new long[] {128, 32},
                exported.get("transformer.h.0.mlp.fc_in.weight").shape());
        assertArrayEquals(
                new long[] {32, 128},
                exported.get("transformer.h.0.mlp.fc_out.weight").shape());
        assertArrayEquals(new long[] {VOCAB}, exported.get("lm_head.bias").shape());

        Map<String, Safetensors.Tensor> ours = checkpoint.parameters();
        float[] qkv = ours.get("h.1.attn.qkv.weight").values();
        assertArrayEquals(
                Arrays.copyOfRange(qkv, 32 * 32, 2 * 32 * 32),
                exported.get("transformer.h.1.attn.k_proj.weight").values());
        assertArrayEquals(
                ours.get("lm_head.weight").values(),
                exported.get("lm_head.weight").values());

        JsonNode config =
                new ObjectMapper().readTree(out.resolve(GptjExport.CONFIG).toFile());
        assertEquals("gptj", config.path("model_type").asText());
        assertEquals("GPTJForCausalLM", config.path("architectures").path(0).asText());
        assertEquals(32, config.path("n_embd").asInt());
        assertEquals(2, config.path("n_layer").asInt());
        assertEquals(4, config.path("n_head").asInt());
        assertEquals(4, config.path("rotary_dim").asInt());
        assertEquals(12, config.path("n_positions").asInt());
        assertEquals(VOCAB, config.path("vocab_size").asInt());
        assertEquals("gelu_new", config.path("activation_function").asText());
        assertEquals(false, config.path("tie_word_embeddings").asBoolean(true));
        assertEquals(7, config.path("eos_token_id").asInt());
        assertTrue(Files.isRegularFile(out.resolve(GptjExport.TOKENIZER)));
    }

    @Test
    void aReferenceGptjForwardOverTheExportedFilesGivesOurLogits() throws IOException {
        Checkpoint checkpoint = trainedCheckpoint();
        Path out = temp.resolve("hf");
        GptjExport.export(checkpoint, out);
        GptjReference reference = new GptjReference(Safetensors.read(out.resolve(GptjExport.WEIGHTS)), 4, 4, 1e-5);
        int[] ids = {3, 17, 4, 29, 0, 11, 11, 5, 21};
        double[][] expected = reference.logits(ids);
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel model = checkpoint.loadModel(manager)) {
            NDArray logits = model.forward(manager.create(ids, new Shape(1, ids.length)), null);
            for (int t = 0; t < ids.length; t++) {
                float[] row = logits.get(new NDIndex("0, {}", t)).toFloatArray();
                for (int v = 0; v < VOCAB; v++)
                    assertEquals(expected[t][v], row[v], 1e-4, "position " + t + ", token " + v);
            }
        }
    }

    @Test
    void aCheckpointMissingAParameterIsRefused() throws IOException {
        Checkpoint checkpoint = trainedCheckpoint();
        Map<String, Safetensors.Tensor> parameters = checkpoint.parameters();
        parameters.remove("h.1.attn.out.weight");
        WorkbenchException error = assertThrows(
                WorkbenchException.class,
                () -> GptjExport.renamed(parameters, checkpoint.config().model(), checkpoint.directory()));
        assertTrue(error.getMessage().contains("h.1.attn.out.weight"), error.getMessage());
    }
}
