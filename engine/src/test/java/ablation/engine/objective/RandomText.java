package ablation.engine.objective;

import java.util.SplittableRandom;

/** Random code-like documents with unicode (accents, CJK, emoji outside the BMP) for property tests. */
final class RandomText {
    private static final String[] PIECES = {
        "def ",
        "return ",
        "(",
        ")",
        ":",
        "\n",
        "    ",
        "x",
        "y_1",
        " = ",
        "+",
        "\"",
        "é",
        "ß",
        "中文",
        "😀",
        "λ",
        "# ",
        "\t",
        "if ",
        "for i in range(10):",
        "naïve",
        "Ω",
        "𝔘"
    };

    private RandomText() {}

    static String document(SplittableRandom random, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < pieces; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
        return text.toString();
    }
}
