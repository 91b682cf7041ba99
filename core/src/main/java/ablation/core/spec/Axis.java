package ablation.core.spec;

import ablation.core.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One ablation axis: a config path and the values it takes. A map value is merged into the base
 * at that path (so an objective keeps its span settings); anything else replaces it.
 *
 * <p>Paths are dotted YAML keys with optional list indices ({@code objective.fim},
 * {@code data.sources[0].weight}), the empty path (the whole config, for values that change
 * several sections together), or {@code epochs}: the first source is capped at
 * {@code train.tokens / epochs} tokens, so the fixed budget makes that many passes over it.
 *
 * @param name short key used in run names ({@code obj} in {@code obj=clm+fim}); defaults to the path's last part
 * @param labels optional readable label per value, in order
 */
public record Axis(String path, String name, List<JsonNode> values, List<String> labels) {
    public static final String EPOCHS = "epochs";

    public Axis {
        if (path == null) throw new ConfigException("axes[].path", null, "is required (use \"\" for the whole config)");
        if (values == null || values.isEmpty())
            throw new ConfigException("axes[" + path + "].values", values, "needs at least one value");
        values = List.copyOf(values);
        if (name == null || name.isBlank()) name = defaultName(path);
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (!labels.isEmpty() && labels.size() != values.size()) {
            throw new ConfigException(
                    "axes[" + path + "].labels",
                    labels.size(),
                    "must give one label per value (" + values.size() + ")");
        }
        if (path.equals(EPOCHS)) {
            for (JsonNode v : values) {
                if (!v.canConvertToInt() || v.asInt() < 1)
                    throw new ConfigException("axes[epochs].values", v, "epochs must be positive integers");
            }
        }
    }

    /** The label of value {@code i} in run names. */
    public String label(int i) {
        return labels.isEmpty() ? RunNames.render(values.get(i)) : labels.get(i);
    }

    private static String defaultName(String path) {
        if (path.isEmpty()) return "variant";
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*]", "");
        return last.isEmpty() ? path : last;
    }
}
