package ablation.app.gui.composer;

import ablation.core.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One scalar of the base config shown in the composer's form, edited as text and parsed when the
 * study is built; a bad value is an error naming the field ({@code model.layers = 'x': ...}).
 *
 * @see ComposerViewModel#field(String)
 */
public final class FormField {
    /** How the text is read. Integers accept exponents ({@code 2e6}) when the result is whole. */
    public enum Type {
        INT,
        LONG,
        DOUBLE,
        TEXT
    }

    private final String path;
    private final Type type;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    FormField(String path, Type type) {
        this.path = path;
        this.type = type;
    }

    /** The dotted config path, {@code model.d_model}. */
    public String path() {
        return path;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Shows the value at this field's path in {@code config} (a config merged over the defaults). */
    void show(JsonNode config) {
        JsonNode value = at(config, path);
        text.set(value.isMissingNode() || value.isNull() ? "" : value.asText());
    }

    /** The typed value to write. */
    JsonNode value() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (type) {
            case INT -> nodes.numberNode(parseInt(path, text.get()));
            case LONG -> nodes.numberNode(parseLong(path, text.get()));
            case DOUBLE -> nodes.numberNode(parseDouble(path, text.get()));
            case TEXT -> nodes.textNode(text.get() == null ? "" : text.get().trim());
        };
    }

    public static int parseInt(String field, String text) {
        long value = parseLong(field, text);
        if (value != (int) value) throw new ConfigException(field, text.trim(), "is too large");
        return (int) value;
    }

    public static long parseLong(String field, String text) {
        try {
            return new BigDecimal(text.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw new ConfigException(field, text == null ? "" : text.trim(), "must be a whole number");
        }
    }

    public static double parseDouble(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConfigException(field, text == null ? "" : text.trim(), "must be a number");
        }
    }

    /** The node at a dotted path, or a missing node. */
    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String key : dottedPath.split("\\.")) node = node.path(key);
        return node;
    }
}
