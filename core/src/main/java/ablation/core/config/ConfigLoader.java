package ablation.core.config;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads run configs from YAML or JSON (YAML is a superset), merges them over the defaults and
 * validates them. Every error names the field and the value.
 */
public final class ConfigLoader {
    /** Snake-case keys, unknown keys rejected, missing values never silently zero. */
    public static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));

    public static final ObjectMapper JSON = configure(new ObjectMapper());

    private static final JsonNode DEFAULTS = readDefaults();
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, long.class, Integer.class, Long.class);

    private ConfigLoader() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        // Records serialise their components only, not derived accessors such as headDim().
        return mapper.setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // layers: 1.5 is a mistake to name, not a 1 to train; and nothing may follow the config.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public static RunConfig load(Path file) {
        if (!Files.isRegularFile(file))
            throw new ConfigException("config file", file.toString(), "does not exist or is not a file");
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new WorkbenchException("cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    public static RunConfig parse(String yamlOrJson) {
        return fromTree(readTree(yamlOrJson));
    }

    public static JsonNode readTree(String yamlOrJson) {
        try {
            JsonNode tree = YAML.readTree(yamlOrJson);
            if (tree == null || !tree.isObject())
                throw new ConfigException("config", abbreviate(yamlOrJson), "must be a YAML or JSON map");
            return tree;
        } catch (JsonProcessingException e) {
            throw new WorkbenchException(
                    "config is not valid YAML/JSON: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        }
    }

    /** The user's tree merged over the defaults, then validated into a record. */
    public static RunConfig fromTree(JsonNode user) {
        JsonNode merged = withDefaults(user);
        try {
            return YAML.treeToValue(merged, RunConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(
                    path(e),
                    e.getPropertyName(),
                    "unknown key; known keys here: "
                            + e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            if (e.getTargetType() != null && Choice.class.isAssignableFrom(e.getTargetType())) {
                throw new ConfigException(
                        path(e),
                        e.getValue(),
                        "must be one of "
                                + String.join(
                                        ", ", Choice.labels(e.getTargetType().asSubclass(Choice.class))));
            }
            throw mappingProblem(merged, e);
        } catch (JsonMappingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WorkbenchException w) throw w;
            }
            throw mappingProblem(merged, e);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("config: " + e.getOriginalMessage(), e);
        }
    }

    /** The field and value a mapping failure is about; a fractional count says which whole number to write. */
    private static ConfigException mappingProblem(JsonNode merged, JsonMappingException e) {
        JsonNode value = valueAt(merged, e);
        boolean fractionalCount = value.isFloatingPointNumber()
                && e instanceof MismatchedInputException m
                && m.getTargetType() != null
                && WHOLE_NUMBERS.contains(m.getTargetType());
        return new ConfigException(
                path(e),
                value.isMissingNode() ? "?" : value,
                fractionalCount ? wholeNumberProblem(value) : e.getOriginalMessage());
    }

    /** A deep copy of {@code user} over the defaults; list elements of sources and eval get theirs. */
    public static ObjectNode withDefaults(JsonNode user) {
        ObjectNode merged = DEFAULTS.get("run").deepCopy();
        if (user.path("tokenizer").has("path") && !user.path("tokenizer").has("train")) {
            ((ObjectNode) merged.get("tokenizer")).remove("train"); // a loaded tokenizer replaces the default training
        }
        merge(merged, user);
        expandElements(merged.path("data").path("sources"), DEFAULTS.get("source_defaults"));
        expandElements(merged.path("eval"), DEFAULTS.get("eval_defaults"));
        return merged;
    }

    /** Merges {@code patch} into {@code target}: maps key by key, anything else replaced whole. */
    public static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingMap && field.getValue().isObject()) {
                merge(existingMap, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void expandElements(JsonNode list, JsonNode defaults) {
        if (!(list instanceof ArrayNode array)) return;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                ObjectNode element = defaults.deepCopy();
                merge(element, array.get(i));
                array.set(i, element);
            }
        }
    }

    public static String toYaml(RunConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(RunConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "config" : path;
    }

    /** 1.5 is not a count; 1.0e7 is one, written so that it could be mistaken for a fraction. */
    private static String wholeNumberProblem(JsonNode value) {
        double number = value.asDouble();
        if (number == Math.rint(number) && Math.abs(number) < 1e18) {
            return "must be a whole number written without a decimal point or exponent (" + (long) number + ")";
        }
        return "must be a whole number";
    }

    /** The value the failing path points at in the merged tree. */
    private static JsonNode valueAt(JsonNode tree, JsonMappingException e) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static JsonNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
