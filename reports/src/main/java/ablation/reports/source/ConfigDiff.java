package ablation.reports.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Config differences as dotted paths ({@code objective.fim}, {@code data.sources[0].weight}): what a
 * run changes from its study's base, or where two runs differ. Only scalar leaves are compared;
 * numbers by value ({@code 1} equals {@code 1.0}); a missing value and a JSON null are the same
 * (shown as {@code null}).
 */
public final class ConfigDiff {
    /** Paths left out of a diff from the base: every run has its own name, and its seed is shown on its own. */
    public static final Set<String> NOT_DIFFED_FROM_BASE = Set.of("name", "train.seed");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigDiff() {}

    /** A stored config's JSON text as a tree. */
    public static JsonNode parse(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject())
                throw new IllegalArgumentException("a config must be a JSON object: " + abbreviate(json));
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "a stored config is not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(json), e);
        }
    }

    /** Every scalar leaf of a config by its dotted path, in the config's order. */
    public static Map<String, JsonNode> flatten(JsonNode config) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        walk("", config, leaves);
        return leaves;
    }

    /**
     * The run's value at every path where it differs from the base (JSON null where the run has
     * none), {@link #NOT_DIFFED_FROM_BASE} left out: the run's paths in config order, then the
     * base's paths the run lacks.
     */
    public static Map<String, JsonNode> fromBase(Map<String, JsonNode> base, JsonNode run) {
        Map<String, JsonNode> diff = new LinkedHashMap<>();
        Map<String, JsonNode> values = flatten(run);
        values.forEach((path, value) -> {
            if (!NOT_DIFFED_FROM_BASE.contains(path) && !same(base.get(path), value)) diff.put(path, value);
        });
        base.forEach((path, value) -> {
            if (!NOT_DIFFED_FROM_BASE.contains(path) && !values.containsKey(path) && !same(value, null)) {
                diff.put(path, NullNode.getInstance());
            }
        });
        return diff;
    }

    /** The same differences with values as text, as the report shows them. */
    public static Map<String, String> fromBaseAsText(Map<String, JsonNode> base, JsonNode run) {
        Map<String, String> text = new LinkedHashMap<>();
        fromBase(base, run).forEach((path, value) -> text.put(path, display(value)));
        return text;
    }

    /** One path's values in two configs. */
    public record Change(JsonNode left, JsonNode right) {}

    /** Every path where two configs differ (the name left out): the left's paths in order, then the right's own. */
    public static Map<String, Change> between(JsonNode left, JsonNode right) {
        Map<String, JsonNode> a = flatten(left);
        Map<String, JsonNode> b = flatten(right);
        Map<String, Change> diff = new LinkedHashMap<>();
        a.forEach((path, value) -> {
            if (!path.equals("name") && !same(value, b.get(path)))
                diff.put(path, new Change(value, missingAsNull(b.get(path))));
        });
        b.forEach((path, value) -> {
            if (!path.equals("name") && !a.containsKey(path) && !same(null, value))
                diff.put(path, new Change(NullNode.getInstance(), value));
        });
        return diff;
    }

    /** The values all configs share: the base of a study whose spec is unknown. */
    public static Map<String, JsonNode> common(List<JsonNode> configs) {
        if (configs.isEmpty()) return Map.of();
        Map<String, JsonNode> shared = flatten(configs.get(0));
        for (JsonNode config : configs.subList(1, configs.size())) {
            Map<String, JsonNode> values = flatten(config);
            shared.entrySet()
                    .removeIf(e -> !values.containsKey(e.getKey()) || !same(e.getValue(), values.get(e.getKey())));
        }
        return shared;
    }

    /** A leaf as a person reads it: {@code 0.5}, {@code 2000000}, {@code causal}, {@code null}. */
    public static String display(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return "null";
        if (value.isIntegralNumber()) return value.asText();
        if (value.isNumber()) {
            double v = value.doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return value.asText();
    }

    static boolean same(JsonNode a, JsonNode b) {
        boolean aUnset = a == null || a.isNull() || a.isMissingNode();
        boolean bUnset = b == null || b.isNull() || b.isMissingNode();
        if (aUnset || bUnset) return aUnset && bUnset;
        if (a.isNumber() && b.isNumber()) return a.doubleValue() == b.doubleValue();
        return a.isNumber() == b.isNumber() && a.asText().equals(b.asText());
    }

    private static JsonNode missingAsNull(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }

    private static void walk(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(path + "[" + i + "]", node.get(i), out);
        } else {
            out.put(path, node);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
