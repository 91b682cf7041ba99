package ablation.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tokenizer trained on generated code, run through the native Hugging Face library. */
class BpeTokenizerTest {
    static final int VOCAB = 1024;
    static final int MASKS = 8;
    static BpeTokenizer tokenizer;

    @BeforeAll
    static void train() {
        tokenizer = Tokenizers.train(SyntheticCode.generate(1, 400), VOCAB, MASKS);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static void assertRoundTrip(String text) {
        int[] ids = tokenizer.encode(text);
        assertEquals(text, tokenizer.decode(ids), () -> "ids " + Arrays.toString(ids));
        for (int id : ids) {
            assertFalse(
                    tokenizer.specialTokens().containsValue(id), () -> "special id " + id + " from plain text " + text);
        }
    }

    @Test
    void roundTripsRandomText() {
        Random random = new Random(2024);
        for (int n = 0; n < 3000; n++) assertRoundTrip(randomText(random, random.nextInt(60)));
    }

    @Test
    void roundTripsAdversarialText() {
        List<String> cases = new ArrayList<>(List.of(
                "",
                " ",
                "  ",
                "\t",
                "\n",
                "\r\n",
                "\r\n\r\n",
                "\r",
                "x\r\n  y",
                " ".repeat(100),
                " ".repeat(33) + "x",
                " ".repeat(65) + "x",
                "\t".repeat(20) + "y",
                " \t \t\t  \t",
                "    return x  # ok\n\t\tpass\n",
                "\u0000\u0001\u001f\u007f",
                "\u00a0\u2003\u3000\u2028\u2029\u0085",
                "\ufeffBOM",
                "e\u0301 vs \u00e9",
                "\u0301\u0301leading combining marks",
                "ﬁ ligature",
                "한국어 ᄒᆞᆫ",
                "中文字符和日本語のテキスト",
                "العربية עברית",
                "😀👩‍👩‍👧🇫🇷🏳️‍🌈",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈 𠜎",
                "\uD83D\uDE00\uD83D\uDE00",
                "ĠĠĊ Ġ",
                "Ā",
                "'s'll're 've'd'm",
                "1234567890 3.14159e-10",
                "a".repeat(5000),
                Tokenizer.END_OF_TEXT,
                "x" + Tokenizer.END_OF_TEXT + "y",
                Tokenizer.PAD + Tokenizer.SEP + Tokenizer.END_OF_MASK,
                Tokenizer.mask(1) + " " + Tokenizer.mask(MASKS) + Tokenizer.mask(MASKS + 1),
                Tokenizer.FIM_PREFIX + Tokenizer.FIM_SUFFIX + Tokenizer.FIM_MIDDLE,
                "<|endoftext",
                "<mask_",
                "<<|endoftext|>>"));
        for (String text : cases) assertRoundTrip(text);
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFD😀", tokenizer.decode(tokenizer.encode("a\uD83Db\uDE00😀")));
        assertEquals("x\uFFFD", tokenizer.decode(tokenizer.encode("x\uD83D")));
    }

    @Test
    void specialTokenStringsInTextAreNotSpecialTokens() {
        int[] ids = tokenizer.encode("a" + Tokenizer.END_OF_TEXT + Tokenizer.SEP);
        assertTrue(ids.length > 4, "spelled out byte by byte and merged as ordinary text");
        assertFalse(Arrays.stream(ids).anyMatch(id -> id == tokenizer.specialId(Tokenizer.END_OF_TEXT)));
    }

    @Test
    void everySpecialTokenHasItsOwnIdAndDecodesToItsName() {
        List<String> names = new ArrayList<>(List.of(
                Tokenizer.END_OF_TEXT,
                Tokenizer.PAD,
                Tokenizer.SEP,
                Tokenizer.END_OF_MASK,
                Tokenizer.FIM_PREFIX,
                Tokenizer.FIM_SUFFIX,
                Tokenizer.FIM_MIDDLE));
        for (int k = 1; k <= MASKS; k++) names.add(Tokenizer.mask(k));
        Set<Integer> ids = new HashSet<>();
        for (String name : names) {
            assertTrue(tokenizer.hasSpecial(name), name);
            int id = tokenizer.specialId(name);
            assertTrue(id >= 256 && id < tokenizer.vocabSize(), name + " -> " + id);
            assertEquals(name, tokenizer.decode(new int[] {id}));
            ids.add(id);
        }
        assertEquals(names.size(), ids.size());
        assertFalse(tokenizer.hasSpecial(Tokenizer.mask(MASKS + 1)));
        assertFalse(tokenizer.hasSpecial("    "), "indentation runs are text");
        assertThrows(WorkbenchException.class, () -> tokenizer.specialId(Tokenizer.mask(MASKS + 1)));
    }

    @Test
    void specialIdsSplicedBetweenTextDecodeInPlace() {
        int[] prefix = tokenizer.encode("def f(x):\n    ");
        int[] suffix = tokenizer.encode("\n    return y\n");
        int[] ids = concat(prefix, new int[] {tokenizer.specialId(Tokenizer.mask(1))}, suffix, new int[] {
            tokenizer.specialId(Tokenizer.END_OF_TEXT), tokenizer.specialId(Tokenizer.SEP)
        });
        assertEquals("def f(x):\n    <mask_1>\n    return y\n<|endoftext|><sep>", tokenizer.decode(ids));
    }

    @Test
    void indentationRunsAreSingleTokens() {
        int[] four = tokenizer.encode("    ");
        int[] eight = tokenizer.encode("        ");
        assertEquals(1, four.length);
        assertEquals(1, eight.length);
        assertNotEquals(four[0], eight[0]);
        assertEquals(four[0], tokenizer.encode("    return")[0]);
        assertEquals(2, tokenizer.encode(" ".repeat(AddedTokens.MAX_SPACE_RUN * 2)).length);
    }

    @Test
    void vocabularyHasTheConfiguredSize() {
        assertEquals(VOCAB, tokenizer.vocabSize());
        int maxId = 0;
        Random random = new Random(5);
        for (int n = 0; n < 200; n++) {
            for (int id : tokenizer.encode(randomText(random, 40))) maxId = Math.max(maxId, id);
        }
        assertTrue(maxId < VOCAB);
    }

    @Test
    void compressesCodeBetterThanBytes() {
        String heldOut = String.join("", SyntheticCode.generate(99, 20));
        double bytesPerToken =
                (double) heldOut.getBytes(StandardCharsets.UTF_8).length / tokenizer.encode(heldOut).length;
        assertTrue(bytesPerToken > 3.0, "bytes per token " + bytesPerToken);
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {tokenizer.vocabSize()}));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {-1}));
    }

    @Test
    void savedFileHasTheHashAndReloadsToTheSameTokenizer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokenizer.json");
        tokenizer.save(file);
        assertEquals(tokenizer.sha256(), BpeTokenizer.sha256(Files.readAllBytes(file)));
        try (BpeTokenizer loaded = Tokenizers.load(file)) {
            assertEquals(tokenizer.sha256(), loaded.sha256());
            assertEquals(tokenizer.vocabSize(), loaded.vocabSize());
            assertEquals(tokenizer.specialTokens(), loaded.specialTokens());
            String code = SyntheticCode.generate(42, 1).get(0);
            assertArrayEquals(tokenizer.encode(code), loaded.encode(code));
        }
    }

    @Test
    void sameCorpusTrainsTheSameTokenizer() {
        try (BpeTokenizer again = Tokenizers.train(SyntheticCode.generate(1, 400), VOCAB, MASKS);
                BpeTokenizer other = Tokenizers.train(SyntheticCode.generate(2, 400), VOCAB, MASKS)) {
            assertEquals(tokenizer.sha256(), again.sha256());
            assertArrayEquals(tokenizer.json(), again.json());
            assertNotEquals(tokenizer.sha256(), other.sha256());
        }
    }

    @Test
    void trainingSplitsTextExactlyAsTheNativeTokenizerDoes() throws Exception {
        // Trained on text full of Unicode whitespace, contractions and runs, the merges by rank applied to
        // the words training counted must give the native tokenizer's ids (indentation runs aside): a split
        // that differed would have taught merges across boundaries that encode never sees.
        List<String> texts = new ArrayList<>(SyntheticCode.generate(77, 30));
        for (String ws : List.of("\u00a0", "\u2003", "\u3000", "\u0085", "\u000b", "\u000c", "\u2028", "\u1680")) {
            for (String around : List.of(
                    "a " + ws + "b", ws + ws + "x", "y" + ws + " z", ws + "'s", "1" + ws + "2", ". " + ws + "!")) {
                texts.add(around.repeat(20));
            }
        }
        texts.addAll(List.of("it's 'tis we'll", "x  \n  y", "a \t b", "\r\n \r\n"));
        Random random = new Random(77);
        while (texts.size() < 700) {
            // Java 17 knows Unicode 13; the native regex knows newer letters (ByteLevel's doc): skip those
            String text = randomText(random, 30);
            if (text.codePoints().allMatch(Character::isDefined)) texts.add(text);
        }

        try (BpeTokenizer trained = Tokenizers.train(texts, 1200, MASKS)) {
            JsonNode tree = new ObjectMapper().readTree(trained.json());
            Map<String, Integer> vocab = new HashMap<>();
            tree.path("model")
                    .path("vocab")
                    .fields()
                    .forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
            Map<String, Integer> ranks = new HashMap<>();
            for (JsonNode merge : tree.path("model").path("merges")) ranks.putIfAbsent(merge.asText(), ranks.size());
            Set<Integer> runIds = new HashSet<>();
            for (String run : AddedTokens.whitespaceRuns()) runIds.add(trained.encode(run)[0]);

            for (String text : texts) {
                List<Integer> expected = new ArrayList<>();
                AddedTokens.splitRuns(text, piece -> {
                    Matcher m = ByteLevel.SPLIT.matcher(piece);
                    while (m.find()) referenceBpe(m.group(), ranks).forEach(token -> expected.add(vocab.get(token)));
                });
                List<Integer> actual = Arrays.stream(trained.encode(text))
                        .filter(id -> !runIds.contains(id))
                        .boxed()
                        .toList();
                assertEquals(expected, actual, text);
            }
        }
    }

    /** Textbook BPE of one word: merge the adjacent pair of lowest rank (leftmost on ties) until none applies. */
    private static List<String> referenceBpe(String word, Map<String, Integer> ranks) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        List<String> symbols = new ArrayList<>();
        for (byte b : bytes) symbols.add(String.valueOf(ByteLevel.charOf(b)));
        while (true) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    best = i;
                    bestRank = rank;
                }
            }
            if (best < 0) return symbols;
            symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
        }
    }

    /** Random code points of every kind: ASCII, whitespace runs, controls, combining marks, CJK, astral planes. */
    static String randomText(Random random, int parts) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(12)) {
                case 0 -> text.append(" ".repeat(1 + random.nextInt(40)));
                case 1 -> text.append("\t".repeat(1 + random.nextInt(10)));
                case 2 -> text.append(random.nextBoolean() ? "\r\n" : "\n");
                case 3 -> text.appendCodePoint(random.nextInt(0x20));
                case 4 -> text.appendCodePoint(0x300 + random.nextInt(0x70));
                case 5 -> text.appendCodePoint(0x4E00 + random.nextInt(0x5000));
                case 6 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 7 -> text.appendCodePoint(validCodePoint(random));
                case 8 ->
                    text.append(List.of(
                                    Tokenizer.END_OF_TEXT,
                                    Tokenizer.SEP,
                                    Tokenizer.mask(1),
                                    Tokenizer.FIM_MIDDLE,
                                    "<eom>",
                                    "<pad>")
                            .get(random.nextInt(6)));
                case 9 -> text.append("def return import self x_1 = [] ( ) : ,".split(" ")[random.nextInt(11)]);
                default -> text.appendCodePoint(0x20 + random.nextInt(0x5F));
            }
        }
        return text.toString();
    }

    private static int validCodePoint(Random random) {
        while (true) {
            int cp = random.nextInt(0x110000);
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) return cp;
        }
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
