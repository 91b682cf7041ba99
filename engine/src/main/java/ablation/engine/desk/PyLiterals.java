package ablation.engine.desk;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Renders Java values as the Python literals {@code repr()} would print (ints, bools, str, list, dict, None). */
final class PyLiterals {
    private PyLiterals() {}

    static String repr(Object value) {
        if (value == null) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof Long || value instanceof Integer) return value.toString();
        if (value instanceof String s) return str(s);
        if (value instanceof List<?> list) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            for (Object item : list) out.add(repr(item));
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            for (Map.Entry<?, ?> e : map.entrySet()) out.add(repr(e.getKey()) + ": " + repr(e.getValue()));
            return out.toString();
        }
        throw new IllegalArgumentException("no Python literal for " + value.getClass());
    }

    /** Python's repr of a string: single quotes unless the text holds one and no double quote. */
    static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == quote) out.append('\\').append(c);
            else if (c == '\n') out.append("\\n");
            else if (c == '\t') out.append("\\t");
            else out.append(c);
        }
        return out.append(quote).toString();
    }
}
