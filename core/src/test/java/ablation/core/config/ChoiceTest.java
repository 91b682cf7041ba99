package ablation.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.spec.AblationSpec;
import ablation.core.spec.Match;
import ablation.core.spec.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared enums read and write the labels configs have always used, and reject others by name. */
class ChoiceTest {
    private static final String CONFIG = """
            name: t
            model: {arch: prefix_lm}
            objective: {clm: 0.5, fim: 0.5, fim_format: psm_spm, fim_level: context}
            data:
              sources: [{name: py, kind: jsonl, path: /tmp/a.jsonl}, {name: en, kind: desk-nl}]
            train: {device: "gpu:1"}
            eval: [{benchmark: b, mode: infill-line}, {benchmark: c, mode: l2r}]
            """;

    @Test
    void yamlLabelsBecomeConstantsAndAreWrittenBackAsLabels() {
        RunConfig config = ConfigLoader.parse(CONFIG);
        assertEquals(Arch.PREFIX_LM, config.model().arch());
        assertEquals(FimFormat.PSM_SPM, config.objective().fimFormat());
        assertEquals(FimLevel.CONTEXT, config.objective().fimLevel());
        assertEquals(
                List.of(SourceKind.JSONL, SourceKind.DESK_NL),
                config.data().sources().stream().map(SourceConfig::kind).toList());
        assertEquals(
                List.of(EvalMode.INFILL_LINE, EvalMode.L2R),
                config.eval().stream().map(EvalConfig::mode).toList());
        String yaml = ConfigLoader.toYaml(config);
        for (String label : List.of(
                "arch: prefix_lm",
                "fim_format: psm_spm",
                "fim_level: context",
                "kind: jsonl",
                "kind: desk-nl",
                "mode: infill-line",
                "mode: l2r")) {
            assertTrue(yaml.contains(label), label + " in:\n" + yaml);
        }
        assertEquals(config, ConfigLoader.parse(ConfigLoader.toJson(config)));
    }

    @Test
    void anUnknownLabelNamesTheFieldTheValueAndTheChoices() {
        assertMessage("model: {arch: encoder}", "model.arch = 'encoder': must be one of causal, prefix_lm");
        assertMessage("objective: {fim_format: spm}", "objective.fim_format = 'spm': must be one of codegen2, psm_spm");
        assertMessage(
                "eval: [{benchmark: b, mode: line}]", "eval[0].mode = 'line': must be one of l2r, infill, infill-line");
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigLoader.parse(CONFIG.replace("kind: desk-nl", "kind: desk-java")));
        assertTrue(e.getMessage().contains("data.sources[1].kind = 'desk-java'"), e.getMessage());
    }

    @Test
    void theDeviceKeepsItsGpuNumber() {
        assertEquals(Device.GPU, Device.of("gpu:3"));
        assertEquals(3, Device.gpuIndex("gpu:3"));
        assertEquals(0, Device.gpuIndex("gpu"));
        assertEquals(Device.AUTO, Device.of("auto"));
        assertEquals(
                "train.device",
                assertThrows(ConfigException.class, () -> Device.of("tpu")).field());
        assertEquals(
                "train.device",
                assertThrows(ConfigException.class, () -> ConfigLoader.parse(CONFIG.replace("gpu:1", "gpu:x")))
                        .field());
    }

    @Test
    void objectiveWeightsAreReadByKind() {
        ObjectiveConfig objective = ConfigLoader.parse(CONFIG).objective();
        assertEquals(0.5, objective.weight(ObjectiveKind.CLM));
        assertEquals(0.0, objective.weight(ObjectiveKind.PREFIX_LM));
        assertEquals(0.0, objective.weight(ObjectiveKind.SPAN_CORRUPTION));
        assertEquals(0.5, objective.weight(ObjectiveKind.FIM));
    }

    @Test
    void aStudyMatchesComputeByALabel() {
        String study = "name: s\nmatch: flops\naxes: [{path: model.layers, values: [1, 2]}]\n";
        AblationSpec spec = SpecLoader.parse(study);
        assertEquals(Match.FLOPS, spec.match());
        assertEquals(
                Match.TOKENS,
                SpecLoader.parse(study.replace("match: flops\n", "")).match());
        ConfigException e = assertThrows(ConfigException.class, () -> SpecLoader.parse(study.replace("flops", "time")));
        assertEquals("match", e.field());
    }

    private static void assertMessage(String yaml, String expected) {
        String base = "name: t\ndata:\n  sources: [{name: py, kind: desk-pl}]\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(base + yaml + "\n"));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
