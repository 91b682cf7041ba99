package ablation.app.gui.composer;

import ablation.core.config.ConfigException;
import ablation.core.config.ConfigLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Axis values as the user types them: a comma-separated list in YAML flow style
 * ({@code causal, prefix_lm}, {@code 0, 0.25, 0.5}, {@code {clm: 1.0}, {clm: 0.5, fim: 0.5}}).
 */
public final class FlowYaml {
    private FlowYaml() {}

    /** Parses a comma-separated list of YAML flow values; {@code field} names it in errors. */
    public static List<JsonNode> parseList(String field, String text) {
        if (text == null || text.isBlank()) throw new ConfigException(field, text, "needs at least one value");
        JsonNode list;
        try {
            list = ConfigLoader.YAML.readTree("[" + text + "]");
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    field, text, "is not a comma-separated list of values (" + e.getOriginalMessage() + ")");
        }
        List<JsonNode> values = new ArrayList<>();
        ((ArrayNode) list).forEach(values::add);
        if (values.isEmpty()) throw new ConfigException(field, text, "needs at least one value");
        if (values.stream().anyMatch(JsonNode::isNull)) throw new ConfigException(field, text, "has an empty value");
        return values;
    }

    /** The inverse of {@link #parseList}: values joined by {@code ", "}. */
    public static String renderList(List<JsonNode> values) {
        return String.join(", ", values.stream().map(FlowYaml::render).toList());
    }

    static String render(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return text.matches("[A-Za-z_][A-Za-z0-9_./-]*") && !text.matches("(?i)true|false|null|yes|no|on|off")
                    ? text
                    : "'" + text.replace("'", "''") + "'";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(render(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                entries.add(field.getKey() + ": " + render(field.getValue()));
            }
            return "{" + String.join(", ", entries) + "}";
        }
        return value.asText();
    }
}
