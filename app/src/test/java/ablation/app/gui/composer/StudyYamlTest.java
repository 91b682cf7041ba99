package ablation.app.gui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class StudyYamlTest {
    private static final String STUDY = """
            {"name": "s", "base": {"model": {"arch": "causal", "layers": 4}, "train": {"tokens": 2000000, "lr": 1.0e-4},
             "data": {"sources": [{"name": "python", "kind": "desk-pl", "weight": 1.0}]},
             "eval": [{"benchmark": "desk-l2r", "n": 20, "k": [1, 5]}]},
             "axes": [{"path": "objective", "name": "fim", "values": [{"clm": 1.0, "fim": 0.0}], "labels": ["0.5", "yes"]}],
             "seeds": [1, 2], "match": "tokens"}
            """;

    @Test
    void readsBackToTheSameTreeInTheSampleConfigStyle() {
        JsonNode study = ConfigLoader.readTree(STUDY);
        String yaml = StudyYaml.write(study);
        assertEquals(study.toString(), ConfigLoader.readTree(yaml).toString(), yaml);
        assertTrue(yaml.contains("model: {arch: causal, layers: 4}"), yaml);
        assertTrue(yaml.contains("- {name: python, kind: desk-pl, weight: 1.0}"), yaml);
        assertTrue(yaml.contains("seeds: [1, 2]"), yaml);
        assertTrue(yaml.contains("labels: ['0.5', 'yes']"), "labels stay strings: " + yaml);
    }
}
