package ablation.storage.run;

import ablation.storage.StoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The two hashes a run is filed under: SHA-256 of the canonical config JSON (keys sorted, numbers
 * normalised), and the same without the seed, the "cell key" that groups the seeds of one arm.
 */
public record ConfigHashes(String configHash, String cellKey) {
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * @param seedPath dotted path of the seed field (e.g. {@code train.seed}); the cell key is the hash
     *                 of the config without it
     */
    public static ConfigHashes of(String configJson, String seedPath) {
        JsonNode config = parse(configJson);
        String configHash = sha256(canonical(config));
        JsonNode withoutSeed = config.deepCopy();
        removePath(withoutSeed, seedPath);
        return new ConfigHashes(configHash, sha256(canonical(withoutSeed)));
    }

    static JsonNode parse(String configJson) {
        try {
            JsonNode node = CANONICAL.readTree(configJson);
            if (node == null || !node.isObject()) {
                throw new StoreException("run config must be a JSON object, got: " + abbreviate(configJson));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new StoreException(
                    "run config is not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(configJson), e);
        }
    }

    private static void removePath(JsonNode root, String dottedPath) {
        String[] parts = dottedPath.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
            if (node == null || !node.isObject()) {
                throw new StoreException("seed path '" + dottedPath + "' is not in the run config");
            }
        }
        if (((ObjectNode) node).remove(parts[parts.length - 1]) == null) {
            throw new StoreException("seed path '" + dottedPath + "' is not in the run config");
        }
    }

    private static String canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("re-serialising parsed JSON failed", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
