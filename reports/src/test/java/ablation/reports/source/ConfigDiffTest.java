package ablation.reports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    static final JsonNode BASE = ConfigDiff.parse("""
            {"name": "base", "model": {"arch": "causal", "layers": 4},
             "data": {"sources": [{"name": "python", "weight": 1.0}]},
             "objective": {"clm": 1.0, "fim": 0.0}, "tokenizer": {"path": null}, "train": {"seed": 1, "lr": 0.001}}
            """);

    @Test
    void aRunDiffersFromTheBaseOnlyWhereItsValuesDo() {
        JsonNode run = ConfigDiff.parse("""
                {"name": "fim", "model": {"arch": "causal", "layers": 4.0},
                 "data": {"sources": [{"name": "python", "weight": 0.5}, {"name": "english", "weight": 0.5}]},
                 "objective": {"clm": 0.5, "fim": 0.5}, "train": {"seed": 7, "lr": 1e-3}}
                """);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("data.sources[0].weight", "0.5");
        expected.put("data.sources[1].name", "english");
        expected.put("data.sources[1].weight", "0.5");
        expected.put("objective.clm", "0.5");
        expected.put("objective.fim", "0.5");
        Map<String, String> diff = ConfigDiff.fromBaseAsText(ConfigDiff.flatten(BASE), run);
        assertEquals(
                expected,
                diff,
                "4 equals 4.0, 1e-3 equals 0.001, a missing value equals null; name and seed are left out");
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(diff.keySet()), "in config order");
    }

    @Test
    void aValueTheRunLacksShowsAsNull() {
        JsonNode run = ConfigDiff.parse(
                "{\"model\": {\"arch\": \"prefix_lm\"}, \"objective\": {\"clm\": 1, \"fim\": 0}, \"train\": {\"lr\": 0.001}}");
        Map<String, String> diff = ConfigDiff.fromBaseAsText(ConfigDiff.flatten(BASE), run);
        assertEquals(
                Map.of(
                        "model.arch",
                        "prefix_lm",
                        "model.layers",
                        "null",
                        "data.sources[0].name",
                        "null",
                        "data.sources[0].weight",
                        "null"),
                diff);
    }

    @Test
    void twoRunsDifferWhereTheirValuesDoSeedIncluded() {
        JsonNode other = ConfigDiff.parse("""
                {"name": "other", "model": {"arch": "causal", "layers": 8},
                 "data": {"sources": [{"name": "python", "weight": 1}]},
                 "objective": {"clm": 1.0, "fim": 0.0}, "train": {"seed": 2, "lr": 0.001, "warmup": 10}}
                """);
        Map<String, ConfigDiff.Change> diff = ConfigDiff.between(BASE, other);
        assertEquals(List.of("model.layers", "train.seed", "train.warmup"), List.copyOf(diff.keySet()));
        assertEquals("4", ConfigDiff.display(diff.get("model.layers").left()));
        assertEquals("8", ConfigDiff.display(diff.get("model.layers").right()));
        assertEquals("null", ConfigDiff.display(diff.get("train.warmup").left()));
        assertEquals(Map.of(), ConfigDiff.between(BASE, BASE));
    }

    @Test
    void theCommonValuesOfRunsAreTheirSharedLeaves() {
        JsonNode a = ConfigDiff.parse("{\"model\": {\"layers\": 2, \"arch\": \"causal\"}, \"train\": {\"lr\": 0.1}}");
        JsonNode b = ConfigDiff.parse("{\"model\": {\"layers\": 4, \"arch\": \"causal\"}, \"train\": {\"lr\": 0.10}}");
        assertEquals(
                List.of("model.arch", "train.lr"),
                List.copyOf(ConfigDiff.common(List.of(a, b)).keySet()));
    }

    @Test
    void numbersDisplayWithoutATrailingZero() {
        assertEquals(
                "2000000", ConfigDiff.display(ConfigDiff.parse("{\"v\": 2.0E6}").get("v")));
        assertEquals(
                "0.001", ConfigDiff.display(ConfigDiff.parse("{\"v\": 1.0e-3}").get("v")));
        assertEquals(
                "true", ConfigDiff.display(ConfigDiff.parse("{\"v\": true}").get("v")));
    }
}
