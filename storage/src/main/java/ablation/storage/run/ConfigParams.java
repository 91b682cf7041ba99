package ablation.storage.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Flattens a config JSON object into typed parameters: {@code model.layers = 4}, {@code eval[0].mode = l2r}. */
final class ConfigParams {
    private ConfigParams() {}

    static List<Param> flatten(String configJson) {
        List<Param> params = new ArrayList<>();
        walk("", ConfigHashes.parse(configJson), params);
        return params;
    }

    private static void walk(String path, JsonNode node, List<Param> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), out);
            }
        } else if (node.isNumber()) {
            out.add(new Param(path, null, node.doubleValue()));
        } else if (!node.isNull()) {
            out.add(new Param(path, node.asText(), null));
        }
    }
}
