package ablation.app.gui.studies;

import ablation.core.config.ConfigLoader;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.SpecLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A run config (the file {@code workbench train} takes, such as {@code quick-train.yaml}) used as a
 * template: it becomes the base of a new study with no axes yet, one run per seed.
 */
public final class RunTemplate {
    /** Keys only a study has: a file with one of them is a study, valid or not. */
    private static final List<String> STUDY_KEYS = List.of("base", "ablations", "axes", "seeds", "match");
    /** Keys of a run config (see {@code RunConfig}). */
    private static final List<String> RUN_KEYS = List.of("model", "tokenizer", "data", "objective", "train", "eval");

    private RunTemplate() {}

    /** Whether the parsed file is a run config rather than a study. */
    public static boolean isRunConfig(JsonNode tree) {
        return STUDY_KEYS.stream().noneMatch(tree::has) && RUN_KEYS.stream().anyMatch(tree::has);
    }

    /** The new study on the run config in {@code file}; throws the config's error when it does not validate. */
    public static AblationSpec study(Path file) {
        JsonNode config = SpecLoader.tree(file);
        ConfigLoader.fromTree(config);
        ObjectNode base = config.deepCopy();
        String name = base.path("name").asText(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        base.remove("name");
        ObjectNode study = JsonNodeFactory.instance.objectNode();
        study.put("name", name);
        study.set("base", base);
        return SpecLoader.parse(study.toString());
    }
}
