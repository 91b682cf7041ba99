package ablation.core.spec;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import ablation.core.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a study file. A single comparison may be written at the top level ({@code lesson},
 * {@code axes}, {@code combine}); several go under {@code ablations}, each with its own overrides
 * of the base ({@code base}) and axes.
 */
public final class SpecLoader {
    private static final Set<String> STUDY_KEYS = Set.of(
            "name",
            "description",
            "base",
            "seeds",
            "match",
            "ablations",
            "lesson",
            "title",
            "axes",
            "combine",
            "margin",
            "parallel",
            "slurm");
    private static final Set<String> ABLATION_KEYS = Set.of("lesson", "title", "base", "axes", "combine", "margin");
    private static final Set<String> AXIS_KEYS = Set.of("path", "name", "values", "labels");
    private static final Set<String> SLURM_KEYS = Set.of("partition", "time", "gpus", "mem", "cpus", "max_parallel");

    private SpecLoader() {}

    public static AblationSpec load(Path file) {
        if (!Files.isRegularFile(file))
            throw new ConfigException("study file", file.toString(), "does not exist or is not a file");
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new WorkbenchException("cannot read study " + file + ": " + e.getMessage(), e);
        }
    }

    /** The study file as a JSON tree: what the store keeps as the study's spec. */
    public static JsonNode tree(Path file) {
        try {
            return ConfigLoader.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new WorkbenchException("cannot read study " + file + ": " + e.getMessage(), e);
        }
    }

    public static AblationSpec parse(String yaml) {
        JsonNode root = ConfigLoader.readTree(yaml);
        checkKeys("study", root, STUDY_KEYS);
        List<Ablation> ablations = new ArrayList<>();
        if (root.has("ablations")) {
            if (root.has("axes"))
                throw new ConfigException(
                        "axes", "top level", "give axes either at the top level or under ablations, not both");
            int i = 0;
            for (JsonNode node : root.get("ablations")) {
                checkKeys("ablations[" + i++ + "]", node, ABLATION_KEYS);
                ablations.add(ablation(node, node.path("base")));
            }
        } else {
            ablations.add(ablation(root, JsonNodeFactory.instance.objectNode()));
        }
        List<Long> seeds = null;
        if (root.has("seeds")) {
            if (!root.get("seeds").isArray()) {
                throw new ConfigException("seeds", root.get("seeds"), "must be a list of integers");
            }
            seeds = new ArrayList<>();
            for (JsonNode seed : root.get("seeds")) {
                if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                    throw new ConfigException("seeds", seed, "seeds must be integers");
                }
                seeds.add(seed.asLong());
            }
        }
        JsonNode base = root.path("base");
        if (!base.isMissingNode() && !base.isObject())
            throw new ConfigException("base", base, "must be a map (a run config)");
        return new AblationSpec(
                text(root, "name"),
                text(root, "description"),
                base.isObject() ? base : JsonNodeFactory.instance.objectNode(),
                ablations,
                seeds,
                match(root),
                parallel(root),
                slurm(root.path("slurm")));
    }

    /** @param overrides changes to the study's base for this ablation only */
    private static Ablation ablation(JsonNode node, JsonNode overrides) {
        List<Axis> axes = new ArrayList<>();
        JsonNode list = node.path("axes");
        if (!list.isMissingNode() && !list.isArray())
            throw new ConfigException("axes", list, "must be a list of {path, values}");
        for (JsonNode axis : list) {
            checkKeys("axes[]", axis, AXIS_KEYS);
            List<JsonNode> values = new ArrayList<>();
            axis.path("values").forEach(values::add);
            List<String> labels = new ArrayList<>();
            axis.path("labels").forEach(l -> labels.add(l.asText()));
            axes.add(new Axis(text(axis, "path"), text(axis, "name"), values, labels));
        }
        if (!overrides.isMissingNode() && !overrides.isObject())
            throw new ConfigException("ablations[].base", overrides, "must be a map");
        return new Ablation(
                node.path("lesson").asInt(0),
                text(node, "title"),
                overrides.isObject() ? overrides : JsonNodeFactory.instance.objectNode(),
                axes,
                text(node, "combine"),
                margin(node.path("margin")));
    }

    private static double margin(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) return Ablation.DEFAULT_MARGIN;
        if (!value.isNumber())
            throw new ConfigException(
                    "ablations[].margin", value, "must be a number, e.g. 0.1 for 10% of the baseline");
        return value.asDouble();
    }

    /** The {@code slurm:} section: what each task of the study asks the cluster for. */
    private static Match match(JsonNode root) {
        String label = text(root, "match");
        return label == null ? null : Match.fromLabel(label);
    }

    private static SlurmOptions slurm(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return SlurmOptions.NONE;
        checkKeys("slurm", node, SLURM_KEYS);
        return new SlurmOptions(
                text(node, "partition"),
                text(node, "time"),
                text(node, "gpus"),
                text(node, "mem"),
                integer(node, "cpus"),
                integer(node, "max_parallel"));
    }

    private static int parallel(JsonNode root) {
        JsonNode value = root.get("parallel");
        if (value == null || value.isNull()) return 1;
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ConfigException("parallel", value, "must be a whole number");
        }
        return value.asInt();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.canConvertToInt() || !value.isIntegralNumber())
            throw new ConfigException("slurm." + field, value, "must be a whole number");
        return value.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void checkKeys(String where, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) throw new ConfigException(where, node, "must be a map");
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(
                        where + "." + name,
                        name,
                        "unknown key; known keys here: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
