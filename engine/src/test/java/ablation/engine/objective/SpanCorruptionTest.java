package ablation.engine.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ObjectiveConfig;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpanCorruptionTest {
    private static final int MAX_SPANS = 32;
    private final Tokenizer tokenizer = new ByteTokenizer(MAX_SPANS);
    private final Sentinels sentinels = Sentinels.resolve(tokenizer, MAX_SPANS, false);
    private final int eot = tokenizer.specialId(Tokenizer.END_OF_TEXT);
    private final int sep = tokenizer.specialId(Tokenizer.SEP);
    private final int eom = tokenizer.specialId(Tokenizer.END_OF_MASK);
    private final Map<Integer, Integer> maskNumber = new HashMap<>();

    SpanCorruptionTest() {
        for (int k = 1; k <= MAX_SPANS; k++) maskNumber.put(tokenizer.specialId(Tokenizer.mask(k)), k);
    }

    private SpanCorruption objective(
            double ratioMin, double ratioMax, boolean fileLevel, boolean scoreContext, RealisedRates realised) {
        ObjectiveConfig.Span span = new ObjectiveConfig.Span(ratioMin, ratioMax, 1, 5, MAX_SPANS, scoreContext);
        return new SpanCorruption(span, fileLevel, sentinels, realised);
    }

    private SpanCorruption objective(double ratioMin, double ratioMax, boolean fileLevel) {
        return objective(ratioMin, ratioMax, fileLevel, true, new RealisedRates());
    }

    private StreamSource randomDocuments(SplittableRandom random, int maxLength) {
        List<int[]> docs = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int d = 0; d < count; d++) docs.add(tokenizer.encode(RandomText.document(random, maxLength)));
        return new StreamSource(docs, eot);
    }

    @Test
    void eachFileRestoresToTheTextItConsumedAndItsSpansStayInside() {
        SplittableRandom random = new SplittableRandom(7);
        int severalBlocks = 0;
        for (int trial = 0; trial < 400; trial++) {
            StreamSource source = randomDocuments(random, 60);
            source.next(1 + random.nextInt(20)); // start somewhere inside a document
            long start = source.position();
            int length = 24 + random.nextInt(300);
            Example example = objective(0.05, 0.5, true).build(source, length, random.split());

            assertEquals(length, example.tokens().length);
            Layout layout = parse(example);
            assertArrayEquals(source.stream(start, source.position()), layout.restored, "trial " + trial);
            for (int[] span : layout.spans) {
                assertTrue(IntStream.of(span).noneMatch(t -> t == eot), "a span crossed a document, trial " + trial);
                assertTrue(span.length >= 1 && span.length <= 5, "span length " + span.length);
            }
            if (layout.blocks >= 2) severalBlocks++;
        }
        assertTrue(severalBlocks > 50, "packed sequences of short files get one block per file: " + severalBlocks);
    }

    @Test
    void withoutFileLevelTheSequenceIsOneTextWhoseSpansMayCoverSeparators() {
        List<int[]> tiny = List.of(
                tokenizer.encode("ab"), tokenizer.encode("cde"), tokenizer.encode("f"), tokenizer.encode("ghij"));
        int crossing = 0;
        for (boolean fileLevel : new boolean[] {true, false}) {
            StreamSource source = new StreamSource(tiny, eot);
            for (int trial = 0; trial < 200; trial++) {
                Example example = objective(0.3, 0.3, fileLevel).build(source, 64, new SplittableRandom(trial));
                int[] tokens = example.tokens();
                long blocks = IntStream.range(1, tokens.length)
                        .filter(i -> tokens[i] == sep && tokens[i - 1] == eot)
                        .count();
                if (!fileLevel) assertTrue(blocks <= 1, "one block at the end without file_level");
                for (int[] span : parse(example.tokens(), example.scored(), fileLevel).spans) {
                    boolean crosses = IntStream.of(span).anyMatch(t -> t == eot);
                    if (fileLevel) assertFalse(crosses, "file-level span crossed a boundary");
                    else if (crosses) crossing++;
                }
            }
        }
        assertTrue(crossing > 0, "without file_level some spans should cover a separator");
    }

    @Test
    void theMaskRatioIsDrawnPerSequenceWithinTheRangeAndSpanLengthsUniformly() {
        StreamSource source = new StreamSource(List.of(tokenizer.encode("x".repeat(50_000))), eot);
        double sum = 0;
        double lowest = 1;
        double highest = 0;
        int[] lengthCounts = new int[6];
        int sequences = 600;
        for (int trial = 0; trial < sequences; trial++) {
            Layout layout = parse(objective(0.1, 0.3, true).build(source, 257, new SplittableRandom(trial)));
            double ratio = (double) layout.masked / layout.text;
            assertTrue(ratio >= 0.1 - 0.04 && ratio <= 0.3 + 0.04, "sequence " + trial + " ratio " + ratio);
            sum += ratio;
            lowest = Math.min(lowest, ratio);
            highest = Math.max(highest, ratio);
            for (int[] span : layout.spans) lengthCounts[span.length]++;
        }
        assertEquals(0.2, sum / sequences, 0.01, "mean of a uniform draw in [0.1, 0.3]");
        assertTrue(lowest < 0.13 && highest > 0.27, "the ratio varies over the range: " + lowest + ".." + highest);
        int spans = IntStream.of(lengthCounts).sum();
        for (int length = 1; length <= 5; length++) {
            assertEquals(0.2, (double) lengthCounts[length] / spans, 0.03, "share of spans of length " + length);
        }
    }

    @Test
    void aFixedRatioIsRealisedOnAverageAlsoOverShortFiles() {
        RealisedRates realised = new RealisedRates();
        SpanCorruption objective = objective(0.15, 0.15, true, true, realised);
        SplittableRandom random = new SplittableRandom(5);
        long masked = 0;
        long text = 0;
        for (int trial = 0; trial < 300; trial++) {
            Layout layout = parse(objective.build(randomDocuments(random, 120), 129, random.split()));
            masked += layout.masked;
            text += layout.text;
        }
        assertEquals(0.15, (double) masked / text, 0.015);
        assertEquals(
                (double) masked / text,
                realised.maskRatio().orElseThrow(),
                1e-12,
                "the logged ratio is the realised one");
    }

    @Test
    void sameSeedSameExampleAnotherSeedAnother() {
        List<int[]> docs = List.of(
                tokenizer.encode(RandomText.document(new SplittableRandom(1), 200)),
                tokenizer.encode(RandomText.document(new SplittableRandom(2), 200)));
        Example first = objective(0.05, 0.3, true).build(new StreamSource(docs, eot), 200, new SplittableRandom(42));
        Example again = objective(0.05, 0.3, true).build(new StreamSource(docs, eot), 200, new SplittableRandom(42));
        Example other = objective(0.05, 0.3, true).build(new StreamSource(docs, eot), 200, new SplittableRandom(43));
        assertArrayEquals(first.tokens(), again.tokens());
        assertArrayEquals(first.scored(), again.scored());
        assertFalse(Arrays.equals(first.tokens(), other.tokens()));
    }

    @Test
    void scoreContextScoresTheCorruptedFilesButNotThePlaceholders() {
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 200; trial++) {
            StreamSource source = randomDocuments(random, 80);
            for (boolean scoreContext : new boolean[] {true, false}) {
                Example example = objective(0.1, 0.4, true, scoreContext, new RealisedRates())
                        .build(source, 160, random.split());
                int[] tokens = example.tokens();
                boolean[] inBlock = blockPositions(tokens);
                boolean anyBlock = false;
                for (int j = 1; j < tokens.length; j++) {
                    anyBlock |= inBlock[j];
                    boolean placeholder = !inBlock[j] && maskNumber.containsKey(tokens[j]);
                    boolean cutEnd =
                            tokens[j] == eot && j + 1 < tokens.length && tokens[j + 1] == sep && !example.scored()[j];
                    if (inBlock[j]) assertTrue(example.scored()[j], "block token " + j + " is scored");
                    else if (placeholder) assertFalse(example.scored()[j], "placeholder " + j + " is not scored");
                    else if (!scoreContext) assertFalse(example.scored()[j], "context " + j + " without score_context");
                    else if (!cutEnd) assertTrue(example.scored()[j], "context token " + j + " with score_context");
                }
                assertTrue(anyBlock, "some span fits in 160 tokens");
            }
        }
    }

    @Test
    void theEndOfTextAfterACutFileIsNotScoredAndARealOneIs() {
        StreamSource longDocument = new StreamSource(List.of(tokenizer.encode("y".repeat(5000))), eot);
        Example cut = objective(0.2, 0.2, true).build(longDocument, 200, new SplittableRandom(1));
        int end = IntStream.range(1, 200)
                        .filter(i -> cut.tokens()[i] == sep)
                        .findFirst()
                        .orElseThrow()
                - 1;
        assertFalse(cut.scored()[end], "the document goes on after the cut");
        StreamSource shortDocuments = new StreamSource(List.of(tokenizer.encode("z".repeat(40))), eot);
        Example whole = objective(0.2, 0.2, true).build(shortDocuments, 200, new SplittableRandom(1));
        int first = IntStream.range(1, 200)
                        .filter(i -> whole.tokens()[i] == sep)
                        .findFirst()
                        .orElseThrow()
                - 1;
        assertTrue(whole.scored()[first], "a document that ends is scored ending");
    }

    @Test
    void aSequenceWithoutSpansIsPlainCausalEvenWithoutScoreContext() {
        StreamSource oneTokenDocuments = new StreamSource(List.of(tokenizer.encode("a")), eot);
        Example example = objective(0.1, 0.1, true, false, new RealisedRates())
                .build(oneTokenDocuments, 40, new SplittableRandom(1));
        assertEquals(39, example.scoredCount());
        assertTrue(IntStream.of(example.tokens()).noneMatch(t -> t == sep));
    }

    @Test
    void placementKeepsSpansApartAndInsideTheText() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 500; trial++) {
            int spans = 1 + random.nextInt(6);
            int[] lengths =
                    IntStream.range(0, spans).map(i -> 1 + random.nextInt(5)).toArray();
            int text = IntStream.of(lengths).sum() + spans - 1 + random.nextInt(30);
            int[] starts = SpanCorruption.place(text, lengths, random);
            for (int k = 0; k < spans; k++) {
                assertTrue(starts[k] >= 0 && starts[k] + lengths[k] <= text);
                if (k > 0) assertTrue(starts[k] > starts[k - 1] + lengths[k - 1], "spans " + k + " touch");
            }
        }
    }

    /** Positions in a target block: from the {@code <mask_1>} after a {@code <sep>} to its last {@code <eom>}. */
    private boolean[] blockPositions(int[] tokens) {
        boolean[] block = new boolean[tokens.length];
        Layout layout = parse(tokens, null, true);
        for (int[] range : layout.blockRanges) Arrays.fill(block, range[0], range[1], true);
        return block;
    }

    private Layout parse(Example example) {
        return parse(example.tokens(), example.scored(), true);
    }

    /**
     * Takes a layout apart file by file: a corrupted file is the text after the last separator
     * before an {@code <|endoftext|> <sep>} pair, its placeholders numbered from 1, then exactly
     * one block with its spans in order (without file level, all text before the pair). With
     * {@code scored} given, the restored stream gets the separator of a file only when it is scored
     * (a cut file's is not).
     */
    private Layout parse(int[] tokens, boolean[] scored, boolean fileLevel) {
        Layout layout = new Layout();
        IntStream.Builder restored = IntStream.builder();
        int segmentStart = 0;
        int i = 0;
        while (i < tokens.length) {
            if (!(tokens[i] == sep && i > 0 && tokens[i - 1] == eot)) {
                i++;
                continue;
            }
            int fileEnd = i - 1; // the <|endoftext|> before <sep>
            int fileStart = fileEnd;
            while (fileStart > segmentStart && (!fileLevel || tokens[fileStart - 1] != eot)) fileStart--;
            for (int j = segmentStart; j < fileStart; j++) restored.add(tokens[j]);
            layout.text += countText(tokens, segmentStart, fileStart);
            List<Integer> numbers = new ArrayList<>();
            for (int j = fileStart; j < fileEnd; j++) {
                if (maskNumber.containsKey(tokens[j])) numbers.add(maskNumber.get(tokens[j]));
            }
            assertEquals(
                    IntStream.rangeClosed(1, numbers.size()).boxed().toList(),
                    numbers,
                    "placeholders numbered from 1 per file");
            List<int[]> spans = new ArrayList<>();
            int at = i + 1;
            int blockStart = at;
            for (int k = 1; k <= numbers.size(); k++) {
                assertEquals(k, maskNumber.get(tokens[at]), "expected <mask_" + k + "> at " + at);
                int end = at + 1;
                while (tokens[end] != eom) end++;
                spans.add(Arrays.copyOfRange(tokens, at + 1, end));
                at = end + 1;
            }
            layout.blockRanges.add(new int[] {blockStart, at});
            int next = 0;
            for (int j = fileStart; j < fileEnd; j++) {
                if (maskNumber.containsKey(tokens[j])) {
                    assertFalse(j > fileStart && maskNumber.containsKey(tokens[j - 1]), "two spans next to each other");
                    for (int t : spans.get(next++)) restored.add(t);
                } else {
                    restored.add(tokens[j]);
                }
            }
            if (scored == null || scored[fileEnd]) restored.add(eot);
            int masked = spans.stream().mapToInt(s -> s.length).sum();
            layout.masked += masked;
            layout.text += fileEnd - fileStart - numbers.size() + masked;
            layout.spans.addAll(spans);
            layout.blocks++;
            segmentStart = at;
            i = at;
        }
        for (int j = segmentStart; j < tokens.length; j++) restored.add(tokens[j]);
        // Plain text (files without spans) counts as corrupted text with nothing masked.
        layout.text += countText(tokens, segmentStart, tokens.length);
        layout.restored = restored.build().toArray();
        assertNotNull(layout.restored);
        return layout;
    }

    private int countText(int[] tokens, int from, int to) {
        int n = 0;
        for (int j = from; j < to; j++) if (tokens[j] != eot) n++;
        return n;
    }

    private static final class Layout {
        final List<int[]> spans = new ArrayList<>();
        final List<int[]> blockRanges = new ArrayList<>();
        int blocks;
        long masked;
        long text;
        int[] restored;
    }
}
