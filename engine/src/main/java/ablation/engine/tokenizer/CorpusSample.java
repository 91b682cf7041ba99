package ablation.engine.tokenizer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The text BPE is trained on: the corpus's first documents up to a byte budget (the document that
 * crosses it is cut at a character boundary), and a SHA-256 of exactly that text, which keys the
 * trained tokenizer's cache entry.
 *
 * @param bytes UTF-8 size of the sample
 */
public record CorpusSample(List<String> documents, long bytes, String sha256) {
    static CorpusSample take(Iterator<String> corpus, long maxBytes) {
        MessageDigest digest = sha256Digest();
        List<String> documents = new ArrayList<>();
        long total = 0;
        while (total < maxBytes && corpus.hasNext()) {
            String doc = corpus.next();
            byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
            if (total + utf8.length > maxBytes) {
                doc = prefix(doc, maxBytes - total);
                utf8 = doc.getBytes(StandardCharsets.UTF_8);
            }
            if (utf8.length == 0) continue;
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(utf8.length).array());
            digest.update(utf8);
            documents.add(doc);
            total += utf8.length;
        }
        return new CorpusSample(List.copyOf(documents), total, HexFormat.of().formatHex(digest.digest()));
    }

    /** The longest prefix of {@code text} (whole code points) of at most {@code maxBytes} UTF-8 bytes. */
    public static String prefix(String text, long maxBytes) {
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) break;
            bytes += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
