package ablation.app.gui.composer;

import ablation.core.config.ConfigException;
import ablation.core.config.ObjectiveKind;
import ablation.core.spec.Axis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An axis being edited: its kind, path (chosen for {@link AxisKind#FIELD}) and the values as typed.
 * FIM-rate and data-mixture values are shorthand, turned into full objective maps and source
 * lists from the base when the study is built, so they follow later edits of the base.
 */
public final class AxisDraft {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AxisKind kind;
    private final StringProperty path = new SimpleStringProperty(this, "path");
    private final StringProperty values = new SimpleStringProperty(this, "values");
    /** Name and labels of an axis read from a file; labels hold only while its values are unchanged. */
    private final String name;

    private final List<String> labels;
    private final String loadedValues;

    private AxisDraft(AxisKind kind, String path, String values, String name, List<String> labels) {
        this.kind = kind;
        this.path.set(kind.path() != null ? kind.path() : path);
        this.values.set(values);
        this.name = name != null ? name : kind.shortName();
        this.labels = List.copyOf(labels);
        this.loadedValues = values;
    }

    /** A new axis; {@code path} is used only by {@link AxisKind#FIELD}. */
    public static AxisDraft of(AxisKind kind, String path, String values) {
        return new AxisDraft(kind, path, values, null, List.of());
    }

    /** Recognises what an axis of a study file varies, so it is edited as the composer would have written it. */
    public static AxisDraft fromAxis(Axis axis, BaseView base) {
        List<JsonNode> values = axis.values();
        switch (axis.path()) {
            case "model.arch":
                return loaded(AxisKind.ARCHITECTURE, axis, FlowYaml.renderList(values));
            case Axis.EPOCHS:
                return loaded(AxisKind.EPOCHS, axis, FlowYaml.renderList(values));
            case "":
                return loaded(AxisKind.VARIANT, axis, FlowYaml.renderList(values));
            case "objective": {
                if (isFimRateAxis(axis))
                    return new AxisDraft(
                            AxisKind.FIM_RATE, null, String.join(", ", axis.labels()), axis.name(), List.of());
                return loaded(AxisKind.OBJECTIVE_MIX, axis, FlowYaml.renderList(values));
            }
            case "data.sources": {
                List<JsonNode> mixes = sourceWeights(values, base);
                if (mixes != null)
                    return new AxisDraft(
                            AxisKind.DATA_MIXTURE, null, FlowYaml.renderList(mixes), axis.name(), List.of());
                return loaded(AxisKind.FIELD, axis, FlowYaml.renderList(values));
            }
            default:
                return loaded(AxisKind.FIELD, axis, FlowYaml.renderList(values));
        }
    }

    private static AxisDraft loaded(AxisKind kind, Axis axis, String values) {
        return new AxisDraft(kind, axis.path(), values, axis.name(), axis.labels());
    }

    /** A FIM-rate axis as this class writes it: name {@code fim}, each label the value's fim weight. */
    private static boolean isFimRateAxis(Axis axis) {
        if (!AxisKind.FIM_RATE.shortName().equals(axis.name()) || axis.labels().isEmpty()) return false;
        for (int i = 0; i < axis.values().size(); i++) {
            JsonNode fim = axis.values().get(i).path("fim");
            String label = axis.labels().get(i);
            if (!fim.isNumber() || !label.matches("\\d+(\\.\\d+)?") || Double.parseDouble(label) != fim.asDouble())
                return false;
        }
        return true;
    }

    /** Source lists that reweight the base's sources (same names, same order), as weight vectors. */
    private static List<JsonNode> sourceWeights(List<JsonNode> values, BaseView base) {
        List<JsonNode> mixes = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isArray() || value.size() != base.sources().size()) return null;
            ArrayNode weights = NODES.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).path("name").equals(base.sources().get(i).path("name"))) return null;
                weights.add(value.get(i).path("weight").asDouble(1.0));
            }
            mixes.add(weights);
        }
        return mixes;
    }

    /** The axis as written in a study file: {@code {path, name, values, labels}}. */
    public ObjectNode toNode(BaseView base) {
        String where = "axes[" + describe() + "].values";
        String axisPath = path.get() == null ? "" : path.get().trim();
        if (kind == AxisKind.FIELD && axisPath.isEmpty())
            throw new ConfigException("axes[].path", axisPath, "pick the config field the axis varies");
        List<JsonNode> parsed = FlowYaml.parseList(where, values.get());
        ObjectNode axis = NODES.objectNode();
        axis.put("path", axisPath);
        if (name != null) axis.put("name", name);
        ArrayNode written = axis.putArray("values");
        ArrayNode writtenLabels = NODES.arrayNode();
        for (JsonNode value : parsed) {
            switch (kind) {
                case FIM_RATE -> {
                    written.add(fimMix(where, value, base));
                    writtenLabels.add(value.asText());
                }
                case DATA_MIXTURE -> {
                    written.add(reweighted(where, value, base));
                    writtenLabels.add(mixLabel(value, base));
                }
                default -> written.add(value);
            }
        }
        if (!writtenLabels.isEmpty()) axis.set("labels", writtenLabels);
        else if (!labels.isEmpty() && values.get().equals(loadedValues)) labels.forEach(axis.withArray("labels")::add);
        return axis;
    }

    private static ObjectNode fimMix(String where, JsonNode rate, BaseView base) {
        if (!rate.isNumber() || rate.asDouble() < 0 || rate.asDouble() > 1) {
            throw new ConfigException(where, rate, "a FIM rate is a number between 0 and 1");
        }
        double[] mix = ObjectiveMix.move(base.objective(), ObjectiveKind.FIM, rate.asDouble(), base.usableObjectives());
        ObjectNode objective = NODES.objectNode();
        for (ObjectiveKind kind : ObjectiveKind.values()) objective.put(kind.label(), mix[kind.ordinal()]);
        return objective;
    }

    private static ArrayNode reweighted(String where, JsonNode weights, BaseView base) {
        if (!weights.isArray() || weights.size() != base.sources().size()) {
            throw new ConfigException(
                    where,
                    FlowYaml.render(weights),
                    "give one weight per data source of the base ("
                            + base.sources().size() + "), like [0.5, 0.5]");
        }
        ArrayNode sources = NODES.arrayNode();
        for (int i = 0; i < weights.size(); i++) {
            if (!weights.get(i).isNumber())
                throw new ConfigException(where, FlowYaml.render(weights), "weights must be numbers");
            ObjectNode source = base.sources().get(i).deepCopy();
            source.put("weight", weights.get(i).asDouble());
            sources.add(source);
        }
        return sources;
    }

    /** {@code python0.5+english0.5}: the sources with a non-zero weight, the weight omitted when 1. */
    private static String mixLabel(JsonNode weights, BaseView base) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i).asDouble();
            if (w == 0) continue;
            String source = base.sources().get(i).path("name").asText().replaceAll("[^A-Za-z0-9._-]", "_");
            parts.add(source + (w == 1 ? "" : weights.get(i).asText()));
        }
        return parts.isEmpty() ? "none" : String.join("+", parts);
    }

    /** {@code Architecture (model.arch)}. */
    public String describe() {
        if (kind == AxisKind.FIELD) return "field " + path.get();
        return kind.title() + " (" + (path.get().isEmpty() ? "whole config" : path.get()) + ")";
    }

    public AxisKind kind() {
        return kind;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty valuesProperty() {
        return values;
    }

    /** What the composer watches to recompute the preview. */
    Observable[] observables() {
        return new Observable[] {path, values};
    }
}
