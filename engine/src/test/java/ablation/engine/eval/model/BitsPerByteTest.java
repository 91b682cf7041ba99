package ablation.engine.eval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.Arch;
import ablation.engine.data.HeldOutDocument;
import ablation.engine.model.CodeGenModel;
import ablation.engine.sampling.TinyModels;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitsPerByteTest {
    static final Tokenizer TOKENIZER = new ByteTokenizer(4);

    @Test
    void aUniformModelCostsLog2VocabBitsPerByteTokenAndSourcesStayApart() {
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 1)) {
            // zero head weights and bias: every token has probability 1/V, whatever came before
            for (String name : List.of("lm_head.weight", "lm_head.bias")) {
                model.parameters()
                        .asMap()
                        .get(name)
                        .set(
                                new float
                                        [(int) model.parameters()
                                                .asMap()
                                                .get(name)
                                                .size()]);
            }
            List<HeldOutDocument> documents = List.of(
                    new HeldOutDocument("pl", "def f():\n    return 1\n"),
                    new HeldOutDocument("nl", "Plain prose, \u00e9t\u00e9."), // two 2-byte characters: 2 tokens each
                    new HeldOutDocument("pl", ""),
                    new HeldOutDocument("pl", "x = 2\n"));
            Map<String, Double> bpb = BitsPerByte.of(model, TOKENIZER, documents);
            assertEquals(List.of("pl", "nl"), List.copyOf(bpb.keySet()));
            double perToken = Math.log(TOKENIZER.vocabSize()) / Math.log(2);
            assertEquals(perToken, bpb.get("pl"), 1e-4, "one byte per token");
            assertEquals(perToken, bpb.get("nl"), 1e-4);
        }
    }

    @Test
    void aModelThatPredictsTheTextCostsLessThanOneThatDoesNot() {
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 2)) {
            TinyModels.only(model, id -> id == 'a');
            Map<String, Double> bpb = BitsPerByte.of(
                    model,
                    TOKENIZER,
                    List.of(
                            new HeldOutDocument("as", "aaaaaaaaaaaaaaaa"),
                            new HeldOutDocument("bs", "bbbbbbbbbbbbbbbb")));
            assertTrue(bpb.get("as") < 0.01, "predicted: " + bpb);
            assertTrue(bpb.get("bs") > 100, "ruled out: " + bpb);
        }
    }
}
