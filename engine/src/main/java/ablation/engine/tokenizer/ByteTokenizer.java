package ablation.engine.tokenizer;

import ablation.core.WorkbenchException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The simplest lossless tokenizer: one token per UTF-8 byte (ids 0-255), then the special tokens
 * ({@code <|endoftext|>}, {@code <pad>}, {@code <sep>}, {@code <eom>}, the FIM sentinels and
 * {@code <mask_1>..<mask_N>}). No training, no vocabulary file: what benchmarks with random weights
 * use, and the tests' fixture, where one token per byte makes expected outputs easy to state. Thread-safe.
 */
public final class ByteTokenizer implements Tokenizer {
    private final List<String> specials = new ArrayList<>();
    private final Map<String, Integer> specialIds = new HashMap<>();
    private final String sha256;

    /** @param maskTokens number of {@code <mask_k>} sentinels */
    public ByteTokenizer(int maskTokens) {
        List<String> names =
                new ArrayList<>(List.of(END_OF_TEXT, PAD, SEP, END_OF_MASK, FIM_PREFIX, FIM_SUFFIX, FIM_MIDDLE));
        for (int k = 1; k <= maskTokens; k++) names.add(Tokenizer.mask(k));
        for (String name : names) {
            specialIds.put(name, 256 + specials.size());
            specials.add(name);
        }
        sha256 = sha256("byte-tokenizer/" + String.join(",", specials));
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) ids[i] = bytes[i] & 0xff;
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id >= 0 && id < 256) {
                pending.write(id);
                continue;
            }
            text.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            if (id < 256 || id >= vocabSize())
                throw new IllegalArgumentException("token id " + id + " outside the vocabulary");
            text.append(specials.get(id - 256));
        }
        return text.append(pending.toString(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public int vocabSize() {
        return 256 + specials.size();
    }

    @Override
    public int specialId(String token) {
        Integer id = specialIds.get(token);
        if (id == null) throw new WorkbenchException("the tokenizer has no special token " + token);
        return id;
    }

    @Override
    public boolean hasSpecial(String token) {
        return specialIds.containsKey(token);
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {}

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
