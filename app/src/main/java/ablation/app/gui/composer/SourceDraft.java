package ablation.app.gui.composer;

import ablation.core.config.Choice;
import ablation.core.config.SourceKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A data source being edited: name, kind, path and weight. Settings the form does not show
 * ({@code max_tokens}, {@code text_field}, ...) are kept from the file and written back.
 */
public final class SourceDraft {
    public static final String[] KINDS = Choice.labels(SourceKind.class).toArray(String[]::new);

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty kind = new SimpleStringProperty(this, "kind");
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final DoubleProperty weight = new SimpleDoubleProperty(this, "weight");
    private final ObjectNode others;

    private SourceDraft(String name, String kind, String path, double weight, ObjectNode others) {
        this.name.set(name);
        this.kind.set(kind);
        this.path.set(path == null ? "" : path);
        this.weight.set(weight);
        this.others = others;
    }

    public static SourceDraft of(String name, String kind, double weight) {
        return new SourceDraft(name, kind, "", weight, JsonNodeFactory.instance.objectNode());
    }

    /** From an element of {@code data.sources} as written in a study file (weight defaults to 1). */
    public static SourceDraft fromNode(JsonNode node) {
        ObjectNode others = node.deepCopy();
        others.remove(List.of("name", "kind", "path", "weight"));
        return new SourceDraft(
                node.path("name").asText(""),
                node.path("kind").asText(""),
                node.path("path").asText(""),
                node.path("weight").asDouble(1.0),
                others);
    }

    /** The element of {@code data.sources} to write. */
    public ObjectNode toNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name.get().trim());
        node.put("kind", kind.get());
        if (!path.get().isBlank()) node.put("path", path.get().trim());
        node.put("weight", ObjectiveMix.round(weight.get()));
        node.setAll(others);
        return node;
    }

    /** Whether the kind reads files (and so needs a path). */
    public boolean readsFiles() {
        return "files".equals(kind.get()) || "jsonl".equals(kind.get());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public DoubleProperty weightProperty() {
        return weight;
    }

    Observable[] observables() {
        return new Observable[] {name, kind, path, weight};
    }
}
