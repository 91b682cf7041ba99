package ablation.engine.tokenizer;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Hugging Face {@code tokenizer.json} as a JSON tree: building one for trained byte-level BPE,
 * checking that a loaded one is lossless, and its canonical bytes (compact, keys sorted at every
 * level) whose SHA-256 identifies the tokenizer however the file was formatted.
 */
final class TokenizerJson {
    private TokenizerJson() {}

    /** An entry of {@code added_tokens}. */
    record AddedToken(int id, String content, boolean special) {
        /**
         * Whether plain text may encode to this token: the indentation runs, not flagged special. Every
         * other added token is a control token (CodeGen2 adds {@code <sep>}, {@code <eom>} and the
         * masks with {@code special: false}, yet they are sentinels, not text).
         */
        boolean matchesText() {
            return !special && !content.isEmpty() && content.isBlank();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Pre-tokenizers that keep every character of the text (no Whitespace, Metaspace, ...). */
    private static final Set<String> LOSSLESS_PRE_TOKENIZERS =
            Set.of("ByteLevel", "Sequence", "Split", "Digits", "Punctuation");

    static JsonNode parse(byte[] json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) throw new WorkbenchException(source + " is not a JSON object");
            return tree;
        } catch (JsonProcessingException e) {
            throw new WorkbenchException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new WorkbenchException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    static byte[] canonicalBytes(JsonNode tree) {
        try {
            return CANONICAL.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /**
     * The tokenizer.json of trained byte-level BPE: GPT-2's ByteLevel pre-tokenizer with
     * {@code add_prefix_space=false} (true would prepend a space that decode keeps: not a round trip)
     * and {@code use_regex=true} (GPT-2's split, which training used too), the ByteLevel decoder, no
     * normalizer, the BPE model; then the added tokens, ids following the learned vocabulary: the
     * {@code specials} (flagged special) and the indentation {@code textRuns} (not special).
     */
    static ObjectNode trained(BpeTrainer.Result bpe, List<String> specials, List<String> textRuns) {
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        int id = bpe.vocab().size();
        for (String s : specials) added.add(addedTokenNode(id++, s, true));
        for (String s : textRuns) added.add(addedTokenNode(id++, s, false));
        root.putNull("normalizer");
        root.set("pre_tokenizer", byteLevel());
        root.putNull("post_processor");
        root.set("decoder", byteLevel());
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < bpe.vocab().size(); i++) vocab.put(bpe.vocab().get(i), i);
        ArrayNode merges = model.putArray("merges");
        bpe.merges().forEach(merges::add);
        return root;
    }

    private static ObjectNode byteLevel() {
        ObjectNode node = NODES.objectNode();
        node.put("type", "ByteLevel");
        node.put("add_prefix_space", false);
        node.put("trim_offsets", true);
        node.put("use_regex", true);
        return node;
    }

    private static ObjectNode addedTokenNode(int id, String content, boolean special) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("content", content);
        node.put("single_word", false);
        node.put("lstrip", false);
        node.put("rstrip", false);
        node.put("normalized", false);
        node.put("special", special);
        return node;
    }

    static List<AddedToken> addedTokens(JsonNode tree) {
        List<AddedToken> tokens = new ArrayList<>();
        for (JsonNode t : tree.path("added_tokens")) tokens.add(addedToken(t));
        return tokens;
    }

    private static AddedToken addedToken(JsonNode t) {
        return new AddedToken(
                t.path("id").asInt(),
                t.path("content").asText(),
                t.path("special").asBoolean());
    }

    /** One more than the largest id of the model vocabulary and the added tokens. */
    static int vocabSize(JsonNode tree) {
        int max = -1;
        for (JsonNode id : tree.path("model").path("vocab")) max = Math.max(max, id.asInt());
        for (AddedToken t : addedTokens(tree)) max = Math.max(max, t.id());
        return max + 1;
    }

    /**
     * A copy of {@code tree} for the native tokenizer, every added token also entered in the model
     * vocabulary under its id: Hugging Face ignores the ids written in {@code added_tokens} and numbers
     * added tokens anew after the model vocabulary, unless the model vocabulary already holds the
     * content. With every id in the vocabulary, the added tokens keep their ids whichever of them are
     * kept. BPE never produces those entries: no merge leads to them.
     *
     * @param textOnly keep only the added tokens plain text may encode to (the indentation runs)
     */
    static ObjectNode forNative(JsonNode tree, boolean textOnly) {
        ObjectNode copy = tree.deepCopy();
        ObjectNode vocab = (ObjectNode) copy.path("model").path("vocab");
        ArrayNode kept = NODES.arrayNode();
        for (JsonNode t : tree.path("added_tokens")) {
            AddedToken token = addedToken(t);
            if (!vocab.has(token.content())) vocab.put(token.content(), token.id());
            if (!textOnly || token.matchesText()) kept.add(t);
        }
        copy.set("added_tokens", kept);
        return copy;
    }

    /**
     * Fails unless decode(encode(x)) == x holds for this tokenizer: a byte-level BPE model, no
     * normalizer, pre-tokenizers that keep every character and no ByteLevel prefix space, and the
     * ByteLevel decoder.
     */
    static void checkLossless(JsonNode tree, String source) {
        String model = tree.path("model").path("type").asText("BPE");
        if (!model.equals("BPE")) {
            throw new WorkbenchException(
                    source + ": model type " + model + " is not supported; expected byte-level BPE (GPT-2 style)");
        }
        if (!tree.path("model").path("vocab").isObject()
                || !tree.path("model").path("merges").isArray()) {
            throw new WorkbenchException(source + ": the BPE model needs a vocab object and a merges list");
        }
        JsonNode normalizer = tree.path("normalizer");
        if (!normalizer.isMissingNode() && !normalizer.isNull()) {
            throw new WorkbenchException(
                    source + ": normalizer " + normalizer.path("type").asText() + " rewrites the text, so decoding "
                            + "would not give it back; only tokenizers without a normalizer are supported");
        }
        if (!checkPreTokenizer(tree.path("pre_tokenizer"), source)) {
            throw new WorkbenchException(source
                    + ": pre_tokenizer has no ByteLevel step; expected a byte-level BPE tokenizer (GPT-2 style)");
        }
        String decoder = tree.path("decoder").path("type").asText("");
        if (!decoder.equals("ByteLevel")) {
            throw new WorkbenchException(source + ": decoder " + (decoder.isEmpty() ? "(none)" : decoder)
                    + " is not ByteLevel; " + "decoding would not give the text back");
        }
    }

    /** Whether the pre-tokenizer tree contains a ByteLevel step; fails on a lossy step. */
    private static boolean checkPreTokenizer(JsonNode node, String source) {
        if (node.isMissingNode() || node.isNull()) return false;
        String type = node.path("type").asText("");
        if (!LOSSLESS_PRE_TOKENIZERS.contains(type)
                || "Removed".equals(node.path("behavior").asText())) {
            throw new WorkbenchException(
                    source + ": pre_tokenizer " + type + " drops characters; decoding would not give the text back");
        }
        if (type.equals("ByteLevel") && node.path("add_prefix_space").asBoolean(false)) {
            throw new WorkbenchException(source
                    + ": ByteLevel add_prefix_space=true prepends a space that decoding keeps; " + "set it to false");
        }
        boolean byteLevel = type.equals("ByteLevel");
        for (JsonNode child : node.path("pretokenizers")) byteLevel |= checkPreTokenizer(child, source);
        return byteLevel;
    }
}
