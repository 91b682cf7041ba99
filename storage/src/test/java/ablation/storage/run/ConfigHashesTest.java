package ablation.storage.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.StoreException;
import org.junit.jupiter.api.Test;

class ConfigHashesTest {
    @Test
    void keyOrderAndNumberSpellingDoNotChangeTheHash() {
        ConfigHashes a =
                ConfigHashes.of("{\"train\": {\"seed\": 1, \"lr\": 0.001}, \"model\": {\"layers\": 4}}", "train.seed");
        ConfigHashes b =
                ConfigHashes.of("{\"model\": {\"layers\": 4}, \"train\": {\"lr\": 1e-3, \"seed\": 1}}", "train.seed");
        assertEquals(a, b);
        assertEquals(64, a.configHash().length());
    }

    @Test
    void theCellKeyIgnoresOnlyTheSeed() {
        ConfigHashes seed1 = ConfigHashes.of("{\"train\": {\"seed\": 1, \"lr\": 0.001}}", "train.seed");
        ConfigHashes seed2 = ConfigHashes.of("{\"train\": {\"seed\": 2, \"lr\": 0.001}}", "train.seed");
        ConfigHashes otherLr = ConfigHashes.of("{\"train\": {\"seed\": 1, \"lr\": 0.002}}", "train.seed");
        assertEquals(seed1.cellKey(), seed2.cellKey());
        assertNotEquals(seed1.configHash(), seed2.configHash());
        assertNotEquals(seed1.cellKey(), otherLr.cellKey());
    }

    @Test
    void badConfigsAreNamed() {
        StoreException missing =
                assertThrows(StoreException.class, () -> ConfigHashes.of("{\"train\": {}}", "train.seed"));
        assertTrue(missing.getMessage().contains("train.seed"), missing.getMessage());
        StoreException notJson = assertThrows(StoreException.class, () -> ConfigHashes.of("model: x", "seed"));
        assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
    }

    @Test
    void parametersAreFlattenedWithTypes() {
        var params = ConfigParams.flatten("{\"model\": {\"layers\": 4, \"arch\": \"causal\"},"
                + " \"eval\": [{\"k\": [1, 10]}], \"file_level\": true, \"note\": null}");
        assertEquals(
                java.util.List.of(
                        new Param("model.layers", null, 4.0),
                        new Param("model.arch", "causal", null),
                        new Param("eval[0].k[0]", null, 1.0),
                        new Param("eval[0].k[1]", null, 10.0),
                        new Param("file_level", "true", null)),
                params);
    }
}
