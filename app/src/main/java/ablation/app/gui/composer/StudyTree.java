package ablation.app.gui.composer;

import ablation.core.config.ConfigLoader;
import ablation.core.spec.Ablation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How the composer lays out the study it writes, so a saved file reads like a hand-written one:
 * keys in the order of the sample configs (name, description, lesson, title, base, axes, seeds,
 * match), a single comparison at the top level, several under {@code ablations}, and a base that
 * holds only what differs from the defaults or what the file already had.
 */
final class StudyTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode DEFAULTS = ConfigLoader.withDefaults(NODES.objectNode());

    private StudyTree() {}

    static ObjectNode study(
            String name,
            String description,
            ObjectNode base,
            List<AblationDraft> ablations,
            BaseView view,
            List<Long> seeds,
            String match) {
        ObjectNode study = NODES.objectNode();
        study.put("name", name);
        if (!description.isBlank()) study.put("description", description);
        if (ablations.size() == 1 && ablations.get(0).overrides().isEmpty()) {
            writeAblation(study, ablations.get(0), base, view);
        } else {
            study.set("base", base);
            ArrayNode list = study.putArray("ablations");
            for (AblationDraft ablation : ablations) {
                writeAblation(
                        list.addObject(), ablation, ablation.overrides().isEmpty() ? null : ablation.overrides(), view);
            }
        }
        ArrayNode seedList = study.putArray("seeds");
        seeds.forEach(seedList::add);
        study.put("match", match);
        return study;
    }

    /** Lesson, title, base (the study's, or the ablation's overrides; null: none), axes, combine. */
    private static void writeAblation(ObjectNode node, AblationDraft ablation, ObjectNode base, BaseView view) {
        if (ablation.lesson() > 0) node.put("lesson", ablation.lesson());
        if (ablation.title() != null) node.put("title", ablation.title());
        if (base != null) node.set("base", base);
        ArrayNode axes = node.putArray("axes");
        for (AxisDraft axis : ablation.axes()) axes.add(axis.toNode(view));
        if (!Ablation.GRID.equals(ablation.combineProperty().get()))
            node.put("combine", ablation.combineProperty().get());
    }

    /** Sets a value at a dotted path when the base already has it or it differs from the default. */
    static void writeIfSet(ObjectNode base, String path, JsonNode value) {
        boolean present = !FormField.at(base, path).isMissingNode();
        if (!present && sameValue(FormField.at(DEFAULTS, path), value)) return;
        String[] keys = path.split("\\.");
        ObjectNode parent = base;
        for (int i = 0; i < keys.length - 1; i++) parent = objectAt(parent, keys[i]);
        parent.set(keys[keys.length - 1], value);
    }

    /** The map under {@code key}, created when missing. */
    static ObjectNode objectAt(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode child ? child : parent.putObject(key);
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.asDouble() == b.asDouble();
        return a.equals(b);
    }
}
