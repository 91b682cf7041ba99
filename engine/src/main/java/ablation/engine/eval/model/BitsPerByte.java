package ablation.engine.eval.model;

import ablation.engine.data.HeldOutDocument;
import ablation.engine.model.CodeGenModel;
import ablation.engine.sampling.PromptFormat;
import ablation.engine.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bits per byte of held-out text: the model's total negative log-likelihood of a source's held-out
 * documents, in bits, over their UTF-8 bytes. Unlike loss per token it does not depend on the
 * tokenizer, so runs with different vocabularies compare. Each document is scored after an
 * {@code <|endoftext|>} (as it follows one in training), so every one of its tokens is predicted;
 * a document longer than the context is scored in windows ({@link CodeGenModel#meanTokenLoss}).
 */
public final class BitsPerByte {
    private BitsPerByte() {}

    /** Bits per byte of each source's documents, sources in the order they first appear; empty documents are skipped. */
    public static Map<String, Double> of(CodeGenModel model, Tokenizer tokenizer, List<HeldOutDocument> documents) {
        Map<String, double[]> natsAndBytes = new LinkedHashMap<>();
        for (HeldOutDocument document : documents) {
            if (document.text().isEmpty()) continue;
            int[] ids = PromptFormat.L2R.render(tokenizer, document.text(), ""); // <|endoftext|> text
            double[] sums = natsAndBytes.computeIfAbsent(document.source(), source -> new double[2]);
            sums[0] += model.meanTokenLoss(ids) * (ids.length - 1);
            sums[1] += document.text().getBytes(StandardCharsets.UTF_8).length;
        }
        Map<String, Double> bitsPerByte = new LinkedHashMap<>();
        natsAndBytes.forEach((source, sums) -> bitsPerByte.put(source, sums[0] / (Math.log(2) * sums[1])));
        return bitsPerByte;
    }
}
