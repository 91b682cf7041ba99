package ablation.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final String MINIMAL = """
            name: t
            data:
              sources: [{name: py, kind: files, path: /tmp}]
            """;

    @Test
    void defaultsFillWhatTheFileLeavesOut() {
        RunConfig config = ConfigLoader.parse(MINIMAL + "model: {layers: 2}\n");
        assertEquals(2, config.model().layers());
        assertEquals(256, config.model().dModel());
        assertEquals(1.0, config.data().sources().get(0).weight());
        assertEquals(16, config.train().microBatch(), "micro_batch 0 means the whole batch");
    }

    @Test
    void roundTripsThroughYaml() {
        RunConfig config = ConfigLoader.parse(MINIMAL + "eval: [{benchmark: desk-l2r, k: [1, 2]}]\n");
        assertEquals(config, ConfigLoader.parse(ConfigLoader.toYaml(config)));
        assertEquals(config, ConfigLoader.parse(ConfigLoader.toJson(config)));
    }

    @Test
    void aTokenizerPathReplacesTheDefaultTraining() {
        RunConfig config = ConfigLoader.parse(MINIMAL + "tokenizer: {path: tok.json}\n");
        assertEquals("tok.json", config.tokenizer().path());
        assertEquals(null, config.tokenizer().train());
    }

    @Test
    void deskDifficultyIsPartOfTheDataConfig() {
        RunConfig config = ConfigLoader.parse(MINIMAL.replace("data:\n", "data:\n  desk: {max_steps: 1}\n"));
        assertEquals(1, config.data().desk().maxSteps());
        assertEquals(6, config.data().desk().families(), "the other knobs keep their defaults");
        assertThrows(
                ablation.core.WorkbenchException.class,
                () -> ConfigLoader.parse(MINIMAL.replace("data:\n", "data:\n  desk: {max_steps: 9}\n")));
    }

    @Test
    void unknownKeyIsNamed() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> ConfigLoader.parse(MINIMAL + "model: {layerz: 2}\n"));
        assertTrue(e.getMessage().contains("layerz"), e.getMessage());
        assertTrue(e.getMessage().contains("model"), e.getMessage());
    }

    @Test
    void badValuesNameFieldAndValue() {
        assertMessage("model: {d_model: 250, heads: 4}", "model.d_model = 250");
        assertMessage("model: {layers: -1}", "model.layers = -1");
        assertMessage("model: {rotary_dim: 33}", "model.rotary_dim = 33");
        assertMessage("model: {rotary_dim: 128}", "model.rotary_dim = 128");
        assertMessage("objective: {clm: 0.5}", "sum to 1");
        assertMessage("objective: {prefix_lm: 1.0, clm: 0}", "objective.prefix_lm");
        assertMessage("eval: [{benchmark: b, n: 5, k: [10]}]", "eval[b].k = 10");
    }

    @Test
    void fractionalCountsAreErrorsNotTruncated() {
        assertMessage("model: {layers: 1.5}", "model.layers");
        assertMessage("model: {heads: 4.9}", "4.9");
        assertMessage("train: {batch: 2.0}", "train.batch");
        assertMessage(
                "model: {context: 1.0e7}",
                "model.context = 1.0E7: must be a whole number written without a decimal point or exponent (10000000)");
    }

    @Test
    void trailingGarbageAfterAJsonConfigIsAnError() {
        String json =
                "{\"name\": \"t\", \"data\": {\"sources\": [{\"name\": \"py\", \"kind\": \"files\", \"path\": \"/tmp\"}]}}";
        assertEquals("t", ConfigLoader.parse(json).name());
        Exception e =
                assertThrows(ablation.core.WorkbenchException.class, () -> ConfigLoader.parse(json + " {\"x\": 1}"));
        assertTrue(e.getMessage().contains("not valid YAML/JSON"), e.getMessage());
        assertThrows(ablation.core.WorkbenchException.class, () -> ConfigLoader.parse(json + " garbage"));
    }

    @Test
    void headDimensionMustBeEvenForRotary() {
        assertMessage("model: {d_model: 68, heads: 4, rotary_dim: 16}", "head dimension");
        assertMessage("model: {d_model: 68, heads: 4, rotary_dim: 0}", "model.d_model = 68");
    }

    @Test
    void contextHasASensibleMinimumAndTheBudgetGivesAStep() {
        assertMessage("model: {context: 1}", "model.context = 1");
        assertMessage("model: {context: 7}", "at least 8");
        assertMessage("model: {context: 10000000}\ntrain: {tokens: 20000}", "train.tokens = 20000");
        assertMessage("train: {tokens: 20000, batch: 10000000}", "train.tokens = 20000");
        assertEquals(
                256 * 16,
                ConfigLoader.parse(MINIMAL + "train: {tokens: 4096}\n").train().tokens());
    }

    private static void assertMessage(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(MINIMAL + yaml + "\n"));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
