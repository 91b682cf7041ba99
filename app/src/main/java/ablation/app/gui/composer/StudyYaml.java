package ablation.app.gui.composer;

import ablation.core.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a study tree as YAML that reads like the hand-written sample configs: maps and lists of
 * scalars in flow style ({@code model: {arch: causal, layers: 4}}, {@code seeds: [1, 2, 3]}),
 * everything else in block style, keys in the order the composer built them. Strings that would
 * read back as numbers or booleans (a label {@code "0.5"}) are quoted.
 */
final class StudyYaml {
    private StudyYaml() {}

    static String write(JsonNode study) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(110);
        Object plain = ConfigLoader.JSON.convertValue(study, Object.class);
        return new Yaml(options).dump(plain);
    }
}
