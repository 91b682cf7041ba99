package ablation.storage.run;

import ablation.storage.StoreException;

/**
 * What a caller gives to create a run. Either pass both hashes, or let
 * {@link #fromConfig(String, String, String)} compute them from the config JSON and the path of its
 * seed (storage knows JSON, not the engine's config types).
 */
public record NewRun(String name, String configJson, String configHash, String cellKey) {
    private static final int MAX_NAME = 200;

    public NewRun {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new StoreException("run name must be 1 to " + MAX_NAME + " characters, got '" + name + "'");
        }
        if (configJson == null || configJson.isBlank()) {
            throw new StoreException("run '" + name + "': config JSON is empty");
        }
        if (configHash == null || configHash.isBlank() || cellKey == null || cellKey.isBlank()) {
            throw new StoreException("run '" + name + "': config hash and cell key are required");
        }
    }

    /** A run whose hashes are computed by {@link ConfigHashes} (seed at a dotted path like {@code train.seed}). */
    public static NewRun fromConfig(String name, String configJson, String seedPath) {
        ConfigHashes hashes = ConfigHashes.of(configJson, seedPath);
        return new NewRun(name, configJson, hashes.configHash(), hashes.cellKey());
    }
}
