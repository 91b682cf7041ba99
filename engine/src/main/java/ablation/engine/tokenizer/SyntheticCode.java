package ablation.engine.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Python-like source files drawn from a seed (indentation, identifiers, docstrings, comments): the
 * tokenizer benchmark's corpus when the machine has no Python sources, and the tests' corpus.
 */
final class SyntheticCode {
    private SyntheticCode() {}

    private static final String[] WORDS = {
        "count", "total", "items", "value", "index", "result", "name", "path", "line", "buffer", "offset", "length",
        "token", "vocab", "merge", "pair", "score", "weight", "layer", "model", "batch", "config", "reader", "writer",
        "parse", "format", "update", "filter", "sorted", "append", "remove", "window"
    };
    private static final String[] PROSE = {
        "Return the",
        "Compute the",
        "Read each",
        "Build a new",
        "Check that the",
        "Split the",
        "Merge all",
        "Count how many"
    };

    /** {@code files} documents of a few functions each; the same seed gives the same corpus. */
    static List<String> generate(long seed, int files) {
        return generate(seed, files, Long.MAX_VALUE);
    }

    /** Documents as above, until their UTF-8 size (all ASCII) reaches {@code maxBytes}. */
    static List<String> generate(long seed, int files, long maxBytes) {
        Random random = new Random(seed);
        List<String> documents = new ArrayList<>();
        long bytes = 0;
        for (int f = 0; f < files && bytes < maxBytes; f++) {
            StringBuilder doc = new StringBuilder("import os\nimport sys\n\n");
            int functions = 2 + random.nextInt(4);
            for (int k = 0; k < functions; k++) {
                String name = word(random) + "_" + word(random);
                String arg = word(random);
                doc.append("def ")
                        .append(name)
                        .append("(")
                        .append(arg)
                        .append(", ")
                        .append(word(random))
                        .append("=None):\n");
                doc.append("    \"\"\"")
                        .append(PROSE[random.nextInt(PROSE.length)])
                        .append(' ')
                        .append(word(random))
                        .append(" of ")
                        .append(arg)
                        .append(".\"\"\"\n");
                doc.append("    ").append(word(random)).append(" = []\n");
                doc.append("    for ")
                        .append(word(random))
                        .append(" in range(")
                        .append(random.nextInt(100))
                        .append("):\n");
                doc.append("        if ")
                        .append(arg)
                        .append(" > ")
                        .append(random.nextInt(1000))
                        .append(":\n");
                doc.append("            ")
                        .append(word(random))
                        .append(".append(")
                        .append(word(random))
                        .append(")\n");
                doc.append("        else:\n            continue\n");
                doc.append("    return ")
                        .append(word(random))
                        .append("  # ")
                        .append(word(random))
                        .append("\n\n");
            }
            documents.add(doc.toString());
            bytes += doc.length();
        }
        return documents;
    }

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ter", "son", "ba", "rel", "ix", "qu", "an", "dor", "pe", "stra", "vo", "gin", "tu", "ex",
        "ly", "cha", "net"
    };

    /** A common identifier, or now and then one made of syllables: an open vocabulary, as in real code. */
    private static String word(Random random) {
        if (random.nextInt(4) > 0) return WORDS[random.nextInt(WORDS.length)];
        StringBuilder w = new StringBuilder();
        for (int k = 2 + random.nextInt(3); k > 0; k--) w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        return w.toString();
    }
}
