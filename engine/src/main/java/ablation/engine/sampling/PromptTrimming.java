package ablation.engine.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * Shorter versions of a prompt's text, in the order they are tried when it does not fit the
 * context, each shorter than the one before. What goes first is what the model needs least to
 * write the function: the doctest examples of the prefix (the last one first), then the suffix's
 * last lines (the farthest from the hole), then anything before the last {@code def} line
 * (imports, helpers). The signature and the docstring's prose are never cut.
 */
final class PromptTrimming {
    /** One candidate: the prefix and suffix to render. */
    record Text(String prefix, String suffix) {}

    private PromptTrimming() {}

    static List<Text> shorter(String prefix, String suffix) {
        List<Text> candidates = new ArrayList<>();
        String current = prefix;
        for (String fewer = withoutLastExample(current); fewer != null; fewer = withoutLastExample(current)) {
            current = fewer;
            candidates.add(new Text(current, suffix));
        }
        String[] suffixLines = suffix.split("(?<=\n)");
        for (int keep = suffixLines.length - 1; keep >= 1; keep--) {
            candidates.add(new Text(current, String.join("", java.util.Arrays.copyOf(suffixLines, keep))));
        }
        String shortSuffix = suffixLines.length > 0 ? suffixLines[0] : suffix;
        int def = current.lastIndexOf("\ndef ");
        if (def >= 0) candidates.add(new Text(current.substring(def + 1), shortSuffix));
        return candidates;
    }

    /**
     * The prefix without its last doctest example (a {@code >>>} line and the output lines after it,
     * up to the next example, a blank line or the docstring's end), or null when it has none.
     */
    static String withoutLastExample(String prefix) {
        String[] lines = prefix.split("(?<=\n)", -1);
        int example = -1;
        for (int i = lines.length - 1; i >= 0 && example < 0; i--) {
            if (lines[i].strip().startsWith(">>>")) example = i;
        }
        if (example < 0) return null;
        int end = example + 1;
        while (end < lines.length
                && !lines[end].isBlank()
                && !lines[end].strip().startsWith(">>>")
                && !lines[end].strip().startsWith("\"\"\"")
                && !lines[end].strip().startsWith("'''")) {
            end++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) if (i < example || i >= end) out.append(lines[i]);
        return out.toString();
    }
}
