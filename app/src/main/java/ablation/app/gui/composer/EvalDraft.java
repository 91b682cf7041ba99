package ablation.app.gui.composer;

import ablation.core.config.Choice;
import ablation.core.config.ConfigException;
import ablation.core.config.EvalMode;
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
 * An evaluation being edited: benchmark, mode, n and the k list. Sampling settings the form does
 * not show (temperature, top_p, ...) are kept from the file.
 */
public final class EvalDraft {
    public static final String[] BENCHMARKS = {"desk-l2r", "desk-infill"};
    public static final String[] MODES = Choice.labels(EvalMode.class).toArray(String[]::new);

    private final StringProperty benchmark = new SimpleStringProperty(this, "benchmark");
    private final StringProperty mode = new SimpleStringProperty(this, "mode");
    private final StringProperty n = new SimpleStringProperty(this, "n");
    private final StringProperty k = new SimpleStringProperty(this, "k");
    private final ObjectNode others;

    private EvalDraft(String benchmark, String mode, String n, String k, ObjectNode others) {
        this.benchmark.set(benchmark);
        this.mode.set(mode);
        this.n.set(n);
        this.k.set(k);
        this.others = others;
    }

    public static EvalDraft of(String benchmark, String mode) {
        return new EvalDraft(benchmark, mode, "20", "1, 5, 10", JsonNodeFactory.instance.objectNode());
    }

    /** From an element of {@code eval} merged over the eval defaults (so n and k are shown). */
    public static EvalDraft fromNode(JsonNode written, JsonNode effective) {
        ObjectNode others = written.deepCopy();
        others.remove(List.of("benchmark", "mode", "n", "k"));
        List<String> ks = new ArrayList<>();
        effective.path("k").forEach(each -> ks.add(each.asText()));
        String mode = effective.path("mode").asText(EvalMode.L2R.label());
        return new EvalDraft(
                effective.path("benchmark").asText(""),
                mode,
                effective.path("n").asText(),
                String.join(", ", ks),
                others);
    }

    /** The element of {@code eval} to write; a value that is not a number is an error naming the field. */
    public ObjectNode toNode() {
        String at = "eval[" + benchmark.get() + "]";
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("benchmark", benchmark.get() == null ? "" : benchmark.get().trim());
        node.put("mode", mode.get());
        node.put("n", FormField.parseInt(at + ".n", n.get()));
        ArrayNode ks = node.putArray("k");
        for (String each : k.get().split(",")) {
            if (!each.isBlank()) ks.add(FormField.parseInt(at + ".k", each));
        }
        if (ks.isEmpty()) throw new ConfigException(at + ".k", k.get(), "needs at least one k, like 1, 10");
        node.setAll(others);
        return node;
    }

    public StringProperty benchmarkProperty() {
        return benchmark;
    }

    public StringProperty modeProperty() {
        return mode;
    }

    public StringProperty nProperty() {
        return n;
    }

    public StringProperty kProperty() {
        return k;
    }

    Observable[] observables() {
        return new Observable[] {benchmark, mode, n, k};
    }
}
