package ablation.app.gui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigException;
import ablation.core.spec.Axis;
import ablation.core.spec.SpecLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Axis shorthands become full study values, and study files come back as the same shorthand. */
class AxisDraftTest {
    private static final BaseView BASE = new BaseView(
            new double[] {0.5, 0, 0.5, 0},
            new boolean[] {true, false, true, true},
            List.of(source("python", "desk-pl"), source("english", "desk-nl")));

    @Test
    void fimRateTakesItsShareFromTheBaseObjectivesInProportion() {
        ObjectNode axis = AxisDraft.of(AxisKind.FIM_RATE, null, "0, 0.5").toNode(BASE);
        assertEquals("objective", axis.get("path").asText());
        JsonNode half = axis.get("values").get(1);
        assertEquals(0.25, half.get("clm").asDouble());
        assertEquals(0.25, half.get("span_corruption").asDouble());
        assertEquals(0.5, half.get("fim").asDouble());
        assertEquals("0.5", axis.get("labels").get(1).asText());
        assertThrows(
                ConfigException.class,
                () -> AxisDraft.of(AxisKind.FIM_RATE, null, "1.5").toNode(BASE));
    }

    @Test
    void dataMixtureReweightsTheBaseSourcesAndNamesTheMix() {
        ObjectNode axis =
                AxisDraft.of(AxisKind.DATA_MIXTURE, null, "[1, 0], [0.5, 0.5]").toNode(BASE);
        JsonNode even = axis.get("values").get(1);
        assertEquals("english", even.get(1).get("name").asText());
        assertEquals(0.5, even.get(1).get("weight").asDouble());
        assertEquals("desk-nl", even.get(1).get("kind").asText(), "the source keeps its other settings");
        assertEquals(
                List.of("python", "python0.5+english0.5"),
                List.of(
                        axis.get("labels").get(0).asText(),
                        axis.get("labels").get(1).asText()));
        ConfigException wrongLength = assertThrows(
                ConfigException.class,
                () -> AxisDraft.of(AxisKind.DATA_MIXTURE, null, "[1, 0, 0]").toNode(BASE));
        assertTrue(wrongLength.getMessage().contains("one weight per data source"), wrongLength.getMessage());
    }

    @Test
    void writtenAxesAreRecognisedWhenReadBack() {
        for (AxisDraft written : List.of(
                AxisDraft.of(AxisKind.FIM_RATE, null, "0, 0.25, 0.9"),
                AxisDraft.of(AxisKind.DATA_MIXTURE, null, "[1.0, 0.0], [0.5, 0.5]"),
                AxisDraft.of(AxisKind.ARCHITECTURE, null, "causal, prefix_lm"),
                AxisDraft.of(AxisKind.VARIANT, null, "{model: {arch: causal}}, {model: {arch: prefix_lm}}"),
                AxisDraft.of(AxisKind.FIELD, "model.layers", "2, 4"))) {
            AxisDraft read = AxisDraft.fromAxis(axis(written.toNode(BASE)), BASE);
            assertEquals(written.kind(), read.kind());
            assertEquals(written.pathProperty().get(), read.pathProperty().get());
            assertEquals(written.valuesProperty().get(), read.valuesProperty().get());
        }
    }

    @Test
    void badValuesNameTheAxis() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> AxisDraft.of(AxisKind.EPOCHS, null, "1, [2").toNode(BASE));
        assertTrue(e.getMessage().startsWith("axes[Epochs (epochs)].values"), e.getMessage());
        assertThrows(
                ConfigException.class,
                () -> AxisDraft.of(AxisKind.FIELD, " ", "1").toNode(BASE));
    }

    private static Axis axis(ObjectNode node) {
        ObjectNode study = JsonNodeFactory.instance.objectNode();
        study.put("name", "s");
        study.putArray("axes").add(node);
        return SpecLoader.parse(study.toString()).ablations().get(0).axes().get(0);
    }

    private static ObjectNode source(String name, String kind) {
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("name", name);
        source.put("kind", kind);
        return source;
    }
}
