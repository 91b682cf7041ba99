package ablation.core.spec;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads the vocabulary size of a Hugging Face tokenizer.json without loading the native tokenizer. */
final class TokenizerFiles {
    private TokenizerFiles() {}

    static int vocabSize(Path tokenizerJson) {
        try {
            JsonNode root = ConfigLoader.JSON.readTree(tokenizerJson.toFile());
            Set<Integer> ids = new HashSet<>();
            root.path("model").path("vocab").forEach(id -> ids.add(id.asInt()));
            root.path("added_tokens").forEach(token -> ids.add(token.path("id").asInt()));
            if (ids.isEmpty())
                throw new WorkbenchException(tokenizerJson + " has no model.vocab: not a tokenizer.json");
            return ids.stream().mapToInt(Integer::intValue).max().getAsInt() + 1;
        } catch (IOException e) {
            throw new WorkbenchException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }
}
