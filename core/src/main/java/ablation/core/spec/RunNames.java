package ablation.core.spec;

import ablation.core.config.ObjectiveKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Readable run names from axis values: {@code arch=prefix_lm,obj=clm+sc,seed=2}. */
final class RunNames {
    private static final Map<String, String> SHORT = Map.of(
            ObjectiveKind.SPAN_CORRUPTION.label(),
            "sc",
            ObjectiveKind.PREFIX_LM.label(),
            "plm",
            ObjectiveKind.CLM.label(),
            "clm",
            ObjectiveKind.FIM.label(),
            "fim");

    private RunNames() {}

    /**
     * Scalars as written; a map of objective weights as the non-zero objectives joined by {@code +}
     * with their weight when it is not 1 ({@code clm0.5+fim0.5}); other maps as {@code key-value} pairs.
     */
    static String render(JsonNode value) {
        if (value.isValueNode()) return sanitize(value.asText());
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode v = field.getValue();
            if (SHORT.containsKey(field.getKey()) && v.isNumber()) {
                if (v.asDouble() == 0) continue;
                parts.add(SHORT.get(field.getKey()) + (v.asDouble() == 1 ? "" : trim(v.asDouble())));
            } else {
                parts.add(field.getKey() + "-" + render(v));
            }
        }
        return parts.isEmpty() ? "base" : String.join("+", parts);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String sanitize(String text) {
        return text.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
