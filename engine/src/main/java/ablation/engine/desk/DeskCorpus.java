package ablation.engine.desk;

import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * STAND-IN until the desk-suite branch is merged (take that branch's version of this file): the
 * contract {@code documents(kind, suiteSeed)}, an endless deterministic stream of small Python
 * functions ({@code desk-pl}) or English sentences ({@code desk-nl}).
 */
public final class DeskCorpus {
    private static final String[] NAMES = {"total", "count", "value", "items", "limit", "result", "index", "score"};
    private static final String[] WORDS = {"the", "model", "reads", "a", "short", "story", "about", "rivers", "and", "small", "towns", "ü", "café"};

    private DeskCorpus() {}

    public static Iterator<String> documents(String kind, long suiteSeed) {
        SplittableRandom random = new SplittableRandom(suiteSeed ^ kind.hashCode());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                return "desk-pl".equals(kind) ? function(random) : prose(random);
            }
        };
    }

    private static String function(SplittableRandom random) {
        String a = NAMES[random.nextInt(NAMES.length)];
        String b = NAMES[random.nextInt(NAMES.length)];
        int k = random.nextInt(10);
        return "def f_" + a + "_" + k + "(" + a + ", " + b + "):\n    \"\"\"Return " + a + " plus " + k + " times " + b + ".\"\"\"\n"
                + "    return " + a + " + " + k + " * " + b + "\n";
    }

    private static String prose(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int words = 8 + random.nextInt(24);
        for (int i = 0; i < words; i++) text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return text.append(".\n").toString();
    }
}
