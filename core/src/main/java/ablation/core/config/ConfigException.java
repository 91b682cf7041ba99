package ablation.core.config;

import ablation.core.WorkbenchException;

/** A configuration value that cannot be used; names the field (as written in YAML) and the value. */
public final class ConfigException extends WorkbenchException {
    private final String field;

    public ConfigException(String field, Object value, String problem) {
        super(field + " = " + render(value) + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static String render(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
