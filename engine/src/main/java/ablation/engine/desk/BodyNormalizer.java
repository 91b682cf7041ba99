package ablation.engine.desk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal forms of Python function bodies, to tell whether two bodies are the same program up to names
 * and layout: whitespace is dropped, and every identifier that is not a keyword, a builtin or an
 * attribute is renamed {@code v0, v1, ...} in order of first appearance. String and number literals stay.
 */
public final class BodyNormalizer {
    private static final Pattern TOKEN =
            Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"|[A-Za-z_][A-Za-z0-9_]*|\\d+|\\s+|.");

    private BodyNormalizer() {}

    public static String normalize(String body) {
        Map<String, String> renamed = new HashMap<>();
        StringBuilder out = new StringBuilder();
        String previous = "";
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            String token = m.group();
            if (token.isBlank()) continue;
            char first = token.charAt(0);
            boolean identifier = Character.isLetter(first) || first == '_';
            if (identifier && !previous.equals(".") && !PythonNames.RESERVED.contains(token)) {
                String name = token;
                token = renamed.computeIfAbsent(name, unused -> "v" + renamed.size());
            }
            if (out.length() > 0) out.append(' ');
            out.append(token);
            previous = token;
        }
        return out.toString();
    }

    /**
     * The bodies of the top-level functions of a Python module, without their docstrings: the lines after
     * each {@code def} line that are indented (or blank), up to the next line at column 0.
     */
    public static List<String> functionBodies(String source) {
        List<String> bodies = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("def ")) continue;
            int j = i + 1;
            List<String> body = new ArrayList<>();
            while (j < lines.length && (lines[j].isBlank() || Character.isWhitespace(lines[j].charAt(0))))
                body.add(lines[j++]);
            bodies.add(String.join("\n", withoutDocstring(body)).strip());
            i = j - 1;
        }
        return bodies;
    }

    private static List<String> withoutDocstring(List<String> body) {
        int start = 0;
        while (start < body.size() && body.get(start).isBlank()) start++;
        if (start == body.size()) return body;
        String first = body.get(start).strip();
        if (!first.startsWith("\"\"\"")) return body.subList(start, body.size());
        int end = start;
        if (!(first.length() >= 6 && first.endsWith("\"\"\""))) {
            end++;
            while (end < body.size() && !body.get(end).strip().endsWith("\"\"\"")) end++;
        }
        return body.subList(Math.min(end + 1, body.size()), body.size());
    }
}
