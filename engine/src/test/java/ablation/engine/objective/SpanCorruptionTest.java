package ablation.engine.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final int MAX_SPANS = 16;
    private final Tokenizer tokenizer = new ByteTokenizer(MAX_SPANS);
    private final Sentinels sentinels = Sentinels.resolve(tokenizer, MAX_SPANS, false);
    private final int eot = tokenizer.specialId(Tokenizer.END_OF_TEXT);
    private final int sep = tokenizer.specialId(Tokenizer.SEP);
    private final int eom = tokenizer.specialId(Tokenizer.END_OF_MASK);

    private SpanCorruption objective(double rate, double mean, boolean fileLevel) {
        return new SpanCorruption(new ObjectiveConfig.Span(rate, mean, MAX_SPANS), fileLevel, sentinels);
    }

    @Test
    void decodesBackToTheTextItConsumedAndScoresOnlyAfterSep() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 400; trial++) {
            List<int[]> docs = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int d = 0; d < count; d++) docs.add(tokenizer.encode(RandomText.document(random, 60)));
            StreamSource source = new StreamSource(docs, eot);
            source.next(1 + random.nextInt(20)); // start somewhere inside a document
            long start = source.position();
            int length = 24 + random.nextInt(300);
            boolean fileLevel = random.nextBoolean();
            Example example = objective(0.15, 3, fileLevel).build(source, length, random.split());

            assertEquals(length, example.tokens().length);
            int[] consumed = source.stream(start, source.position());
            Layout layout = Layout.parse(example.tokens(), this);
            assertArrayEquals(consumed, layout.restored(), "trial " + trial);
            assertEquals(tokenizer.decode(consumed), tokenizer.decode(layout.restored()));
            for (int j = 1; j < length; j++) assertEquals(j > layout.sepIndex, example.scored()[j], "scored[" + j + "], trial " + trial);
            assertFalse(layout.spans.isEmpty());
            if (fileLevel) {
                for (int[] span : layout.spans) assertTrue(IntStream.of(span).noneMatch(t -> t == eot), "a span crossed a document boundary");
            }
        }
    }

    @Test
    void fileLevelKeepsSpansInsideDocumentsWhereTheSequenceLevelDoesNot() {
        List<int[]> tiny = List.of(tokenizer.encode("ab"), tokenizer.encode("cde"), tokenizer.encode("f"), tokenizer.encode("ghij"));
        int crossing = 0;
        for (boolean fileLevel : new boolean[] {true, false}) {
            StreamSource source = new StreamSource(tiny, eot);
            for (int trial = 0; trial < 200; trial++) {
                Example example = objective(0.3, 3, fileLevel).build(source, 64, new SplittableRandom(trial));
                for (int[] span : Layout.parse(example.tokens(), this).spans) {
                    boolean crosses = IntStream.of(span).anyMatch(t -> t == eot);
                    if (fileLevel) assertFalse(crosses, "file-level span crossed a boundary");
                    else if (crosses) crossing++;
                }
            }
        }
        assertTrue(crossing > 0, "without file_level some spans should cover a separator");
    }

    @Test
    void corruptsTheConfiguredRateInSpansOfTheConfiguredMeanLength() {
        List<int[]> docs = List.of(tokenizer.encode("x".repeat(5000)));
        StreamSource source = new StreamSource(docs, eot);
        long spanTokens = 0;
        long spans = 0;
        long textTokens = 0;
        for (int trial = 0; trial < 300; trial++) {
            Example example = objective(0.15, 3, true).build(source, 257, new SplittableRandom(trial));
            Layout layout = Layout.parse(example.tokens(), this);
            for (int[] span : layout.spans) spanTokens += span.length;
            spans += layout.spans.size();
            textTokens += layout.restored().length;
        }
        assertEquals(0.15, (double) spanTokens / textTokens, 0.01);
        assertEquals(3.0, (double) spanTokens / spans, 0.15);
    }

    @Test
    void maxSpansCapsTheCountAndLengthensTheSpans() {
        StreamSource source = new StreamSource(List.of(tokenizer.encode("y".repeat(5000))), eot);
        Example example = objective(0.15, 3, true).build(source, 2049, new SplittableRandom(1));
        Layout layout = Layout.parse(example.tokens(), this);
        assertEquals(MAX_SPANS, layout.spans.size());
        assertTrue(layout.spans.stream().mapToInt(s -> s.length).average().orElseThrow() > 10);
    }

    @Test
    void segmentationCoversTheTotalWithPositiveParts() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int parts = 1 + random.nextInt(10);
            int total = parts + random.nextInt(40);
            int[] lengths = SpanCorruption.segment(total, parts, random);
            assertEquals(parts, lengths.length);
            assertEquals(total, IntStream.of(lengths).sum());
            assertTrue(IntStream.of(lengths).allMatch(l -> l >= 1));
        }
    }

    /** The CodeGen2 layout taken apart: the corrupted text, the spans by k, and the text restored. */
    private static final class Layout {
        int sepIndex;
        final List<int[]> spans = new ArrayList<>();
        int[] text;
        final Map<Integer, Integer> maskNumber = new HashMap<>();

        static Layout parse(int[] tokens, SpanCorruptionTest test) {
            Layout layout = new Layout();
            for (int k = 1; k <= MAX_SPANS; k++) layout.maskNumber.put(test.tokenizer.specialId(Tokenizer.mask(k)), k);
            layout.sepIndex = IntStream.range(0, tokens.length).filter(i -> tokens[i] == test.sep).findFirst().orElseThrow();
            assertEquals(test.eot, tokens[layout.sepIndex - 1], "<|endoftext|> before <sep>");
            layout.text = Arrays.copyOf(tokens, layout.sepIndex - 1);
            int at = layout.sepIndex + 1;
            for (int k = 1; at < tokens.length; k++) {
                assertEquals(k, layout.maskNumber.get(tokens[at]), "expected <mask_" + k + "> at " + at);
                int end = at + 1;
                while (tokens[end] != test.eom) end++;
                layout.spans.add(Arrays.copyOfRange(tokens, at + 1, end));
                at = end + 1;
            }
            return layout;
        }

        int[] restored() {
            IntStream.Builder out = IntStream.builder();
            int seen = 0;
            Integer previous = null;
            for (int token : text) {
                Integer k = maskNumber.get(token);
                if (k == null) {
                    out.add(token);
                    previous = null;
                    continue;
                }
                assertEquals(++seen, k, "masks numbered in text order");
                assertTrue(previous == null, "two spans next to each other");
                for (int t : spans.get(k - 1)) out.add(t);
                previous = k;
            }
            assertEquals(spans.size(), seen, "every span has its mask in the text");
            return out.build().toArray();
        }
    }
}
