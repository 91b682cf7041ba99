package ablation.core.spec;

import ablation.core.config.ConfigException;
import ablation.core.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets a value at a config path ({@code objective.fim}, {@code data.sources[1].weight}, or {@code ""}
 * for the whole config): a map is merged into the map already there, a list of maps into a list of
 * maps of the same length element by element, anything else replaces it.
 * Every step but the last must exist, so a misspelt section is an error here; a misspelt last key
 * is caught by the config's own validation.
 */
final class ConfigPaths {
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private ConfigPaths() {}

    static void apply(ObjectNode root, String path, JsonNode value) {
        if (path.isEmpty()) {
            if (!value.isObject())
                throw new ConfigException("axes[\"\"].values", value, "values of the whole-config axis must be maps");
            ConfigLoader.merge(root, value);
            return;
        }
        List<Object> steps = parse(path);
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = child(parent, steps.get(i), path);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String key) {
            if (!(parent instanceof ObjectNode map))
                throw new ConfigException("axes[" + path + "].path", path, "'" + key + "' is not inside a map");
            if (map.get(key) instanceof ObjectNode existing && value.isObject()) ConfigLoader.merge(existing, value);
            else if (map.get(key) instanceof ArrayNode existing && mergesElementWise(existing, value))
                mergeElements(existing, value);
            else map.set(key, value.deepCopy());
        } else {
            int index = (Integer) last;
            if (!(parent instanceof ArrayNode list) || index >= list.size()) {
                throw new ConfigException("axes[" + path + "].path", path, "index " + index + " does not exist");
            }
            if (list.get(index) instanceof ObjectNode existing && value.isObject()) ConfigLoader.merge(existing, value);
            else list.set(index, value.deepCopy());
        }
    }

    /** A list of maps as long as the list of maps it meets is merged element by element: {@code [{weight: 0.5}, {weight: 0.5}]}. */
    private static boolean mergesElementWise(ArrayNode existing, JsonNode value) {
        if (!value.isArray() || value.size() != existing.size()) return false;
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject() || !existing.get(i).isObject()) return false;
        }
        return true;
    }

    private static void mergeElements(ArrayNode existing, JsonNode value) {
        for (int i = 0; i < value.size(); i++) ConfigLoader.merge((ObjectNode) existing.get(i), value.get(i));
    }

    private static JsonNode child(JsonNode parent, Object step, String path) {
        JsonNode next = step instanceof String key ? parent.get(key) : parent.get((Integer) step);
        if (next == null || !next.isContainerNode()) {
            throw new ConfigException("axes[" + path + "].path", path, "'" + step + "' does not exist in the config");
        }
        return next;
    }

    private static List<Object> parse(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches())
                throw new ConfigException(
                        "axes[" + path + "].path",
                        path,
                        "is not a config path like objective.fim or data.sources[0].weight");
            steps.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) steps.add(Integer.parseInt(index.group(1)));
        }
        return steps;
    }
}
