package ablation.engine.tokenizer;

import ablation.core.WorkbenchException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-level BPE tokenizer defined by a Hugging Face {@code tokenizer.json}, run by the tokenizers
 * library through DJL (without truncation, padding or added special tokens: DJL's defaults would cut
 * every text at 512 ids).
 *
 * <p>Special tokens never come out of {@link #encode}: Hugging Face matches every added token in the
 * text, so a corpus that contains the string {@code <|endoftext|>} would yield the real end-of-text id
 * and corrupt document boundaries (CodeGen2's released tokenizer behaves that way). This class therefore
 * holds two native tokenizers built from the same file: one whose added tokens are only those plain
 * text may match (indentation runs), used to encode, and the complete one, used to decode. Text that
 * spells a special token is encoded as ordinary bytes and decodes back to the same characters.
 * Thread-safe.
 */
public final class BpeTokenizer implements Tokenizer {
    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final HuggingFaceTokenizer forText;
    private final HuggingFaceTokenizer complete;
    private final Map<String, Integer> specialIds;
    private final int vocabSize;
    private final byte[] json;
    private final String sha256;

    private BpeTokenizer(JsonNode tree, String source) {
        TokenizerJson.checkLossless(tree, source);
        json = TokenizerJson.canonicalBytes(tree);
        sha256 = sha256(json);
        vocabSize = TokenizerJson.vocabSize(tree);
        List<TokenizerJson.AddedToken> added = TokenizerJson.addedTokens(tree);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (TokenizerJson.AddedToken t : added) {
            if (!t.matchesText()) ids.put(t.content(), t.id());
        }
        specialIds = Collections.unmodifiableMap(ids);
        complete = newNative(TokenizerJson.forNative(tree, false), source);
        try {
            forText = newNative(TokenizerJson.forNative(tree, true), source);
            checkAddedIds(added, source);
        } catch (RuntimeException e) { // any failure: release what was opened, then rethrow
            close();
            throw e;
        }
    }

    /** The tokenizer a tokenizer.json tree defines; a {@link WorkbenchException} naming {@code source} if it is not lossless. */
    static BpeTokenizer of(JsonNode tree, String source) {
        return new BpeTokenizer(tree, source);
    }

    private static HuggingFaceTokenizer newNative(JsonNode tree, String source) {
        try {
            return HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(TokenizerJson.canonicalBytes(tree)), OPTIONS);
        } catch (IOException | RuntimeException e) {
            throw new WorkbenchException(source + ": the tokenizers library rejects it: " + e.getMessage(), e);
        }
    }

    /** Every added token must encode to the id the file gives it (a file whose ids contradict its vocabulary fails here). */
    private void checkAddedIds(List<TokenizerJson.AddedToken> added, String source) {
        for (TokenizerJson.AddedToken t : added) {
            long[] got = encodeWith(complete, t.content());
            if (got.length != 1 || got[0] != t.id()) {
                throw new WorkbenchException(
                        source + ": added token \"" + t.content().replace("\t", "\\t") + "\" has id " + t.id()
                                + " but the tokenizer maps it to " + java.util.Arrays.toString(got));
            }
        }
    }

    /**
     * Encodes through DJL's JNI binding directly: {@code HuggingFaceTokenizer.encode} also copies out
     * every token string and character span, which halves throughput on long documents.
     */
    private static long[] encodeWith(HuggingFaceTokenizer tokenizer, String text) {
        try {
            long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
            try {
                return TokenizersLibrary.LIB.getTokenIds(encoding);
            } finally {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        } finally {
            // the native tokenizer is freed when its Java object is collected: keep it alive until here
            Reference.reachabilityFence(tokenizer);
        }
    }

    /**
     * Token ids of {@code text}; {@code decode} gives the text back exactly. An unpaired surrogate (a Java
     * string that is not valid Unicode, e.g. from a broken JSON escape) has no UTF-8 form: it is encoded
     * as U+FFFD, the replacement character, and decodes as such.
     */
    @Override
    public int[] encode(String text) {
        long[] ids = encodeWith(forText, withoutUnpairedSurrogates(text));
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (int) ids[i];
        return out;
    }

    static String withoutUnpairedSurrogates(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (fixed != null) fixed.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) fixed = new StringBuilder(text.length()).append(text, 0, i);
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    /** Decodes ids, special tokens rendered as their text; an {@link IllegalArgumentException} for an id outside the vocabulary. */
    @Override
    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new IllegalArgumentException("token id " + ids[i] + " at position " + i
                        + " is outside the vocabulary (size " + vocabSize + ")");
            }
            wide[i] = ids[i];
        }
        return complete.decode(wide, false);
    }

    /** One more than the largest token id: the rows a model's embedding needs. */
    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int specialId(String token) {
        Integer id = specialIds.get(token);
        if (id == null) {
            throw new WorkbenchException("the tokenizer has no special token " + token + " (it has " + specialIds.size()
                    + " special tokens"
                    + (specialIds.isEmpty() ? "" : ", e.g. " + String.join(" ", first(specialIds.keySet(), 8))) + ")");
        }
        return id;
    }

    /**
     * Whether {@code token} is an added control token. Besides tokens flagged {@code special}, that
     * includes added tokens that are not whitespace (CodeGen2 flags {@code <sep>}, {@code <eom>} and
     * its masks as non-special); indentation runs are text, not special.
     */
    @Override
    public boolean hasSpecial(String token) {
        return specialIds.containsKey(token);
    }

    /** The special tokens and their ids, in the file's order. */
    public Map<String, Integer> specialTokens() {
        return specialIds;
    }

    /** SHA-256 (hex) of {@link #json()}. */
    @Override
    public String sha256() {
        return sha256;
    }

    /** The canonical tokenizer.json: compact, keys sorted at every level. */
    public byte[] json() {
        return json.clone();
    }

    /** Writes the canonical tokenizer.json to {@code file} (its SHA-256 is {@link #sha256()}). */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, json);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the tokenizer to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (forText != null) forText.close();
        if (complete != null) complete.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> first(Iterable<String> items, int n) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            if (out.size() == n) break;
            out.add(s);
        }
        return out;
    }
}
