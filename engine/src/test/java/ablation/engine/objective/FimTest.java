package ablation.engine.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.FimFormat;
import ablation.core.config.FimLevel;
import ablation.core.config.ObjectiveConfig;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FimTest {
    private final Tokenizer tokenizer = new ByteTokenizer(4);
    private final Sentinels sentinels = Sentinels.resolve(tokenizer, 1, true);
    private final int eot = tokenizer.specialId(Tokenizer.END_OF_TEXT);
    private final int sep = tokenizer.specialId(Tokenizer.SEP);
    private final int eom = tokenizer.specialId(Tokenizer.END_OF_MASK);
    private final int mask1 = tokenizer.specialId(Tokenizer.mask(1));
    private final int pre = tokenizer.specialId(Tokenizer.FIM_PREFIX);
    private final int suf = tokenizer.specialId(Tokenizer.FIM_SUFFIX);
    private final int mid = tokenizer.specialId(Tokenizer.FIM_MIDDLE);

    static ObjectiveConfig config(double rate, FimFormat format, double spmShare, FimLevel level) {
        return new ObjectiveConfig(
                0,
                0,
                0,
                1,
                rate,
                format,
                spmShare,
                level,
                true,
                new ObjectiveConfig.Prefix(0.1, 0.9),
                new ObjectiveConfig.Span(0.05, 0.3, 1, 5, 16, true));
    }

    private Fim fim(double rate, FimFormat format, double spmShare, FimLevel level) {
        return new Fim(config(rate, format, spmShare, level), tokenizer, sentinels, new RealisedRates());
    }

    @Test
    void everyLayoutDecodesBackToTheOriginalText() {
        SplittableRandom random = new SplittableRandom(11);
        Fim fim = fim(1, FimFormat.CODEGEN2, 0.5, FimLevel.DOCUMENT);
        for (int trial = 0; trial < 500; trial++) {
            List<String> fragments = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) fragments.add(RandomText.document(random, 12));
            Fim.FimText text = new Fim.FimText(fragments);
            int a = random.nextInt(text.length() + 1);
            int b = a + random.nextInt(text.length() + 1 - a);
            int[] original = joined(fragments);
            for (Fim.Format format : Fim.Format.values()) {
                int[] rendered = fim.render(format, text, a, b);
                assertArrayEquals(
                        original, undoOne(format, rendered), format + " of " + fragments + " cut at " + a + ", " + b);
            }
        }
    }

    @Test
    void documentLevelExamplesDecodeBackToTheStreamTheyConsumed() {
        SplittableRandom random = new SplittableRandom(5);
        for (FimFormat format : new FimFormat[] {FimFormat.CODEGEN2, FimFormat.PSM_SPM}) {
            for (int trial = 0; trial < 200; trial++) {
                StreamSource source = randomDocuments(random);
                source.next(1 + random.nextInt(8));
                long start = source.position();
                int length = 16 + random.nextInt(200);
                Example example =
                        fim(random.nextDouble(), format, 0.5, FimLevel.DOCUMENT).build(source, length, random.split());
                assertEquals(length, example.tokens().length);
                for (int j = 1; j < length; j++) assertTrue(example.scored()[j], "FIM scores every token");
                int[] consumed = source.stream(start, source.position());
                assertEquals(
                        tokenizer.decode(consumed),
                        tokenizer.decode(undoDocumentLevel(example.tokens()).toArray()),
                        format + " trial " + trial);
            }
        }
    }

    @Test
    void contextLevelTransformsTheWholeSequenceAcrossDocuments() {
        SplittableRandom random = new SplittableRandom(9);
        int transformedAcrossDocuments = 0;
        int transformed = 0;
        for (int trial = 0; trial < 200; trial++) {
            StreamSource source = randomDocuments(random);
            long start = source.position();
            int length = 32 + random.nextInt(200);
            Example example = fim(1, FimFormat.CODEGEN2, 0.5, FimLevel.CONTEXT).build(source, length, random.split());
            int[] tokens = example.tokens();
            int[] consumed = source.stream(start, source.position());
            if (IntStream.of(tokens).noneMatch(t -> t == sep)) { // stays plain when the room ends inside a character
                assertArrayEquals(consumed, tokens);
                continue;
            }
            transformed++;
            int m = indexOf(tokens, mask1, 0);
            int s = indexOf(tokens, sep, 0);
            int e = indexOf(tokens, eom, 0);
            IntStream.Builder restored = IntStream.builder();
            copy(tokens, 0, m, restored);
            copy(tokens, s + 2, e, restored);
            copy(tokens, m + 1, s - 1, restored);
            copy(tokens, e + 1, tokens.length, restored);
            assertArrayEquals(consumed, restored.build().toArray(), "trial " + trial);
            if (IntStream.range(0, s - 1).anyMatch(i -> tokens[i] == eot)) transformedAcrossDocuments++;
        }
        assertTrue(transformed > 150, "fim_rate 1 transforms nearly every sequence: " + transformed);
        assertTrue(transformedAcrossDocuments > 0, "context-level FIM spans documents");
    }

    @Test
    void fimRateIsTheShareOfTransformedDocumentsAndSpmShareTheShareOfSpm() {
        List<int[]> docs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        // Long enough that an empty prefix (PSM then looks like SPM) is rare.
        for (int i = 0; i < 50; i++)
            docs.add(tokenizer.encode("doc " + i + " " + "z".repeat(150 + random.nextInt(100))));
        StreamSource source = new StreamSource(docs, eot);
        RealisedRates realised = new RealisedRates();
        Fim fim = new Fim(config(0.3, FimFormat.PSM_SPM, 0.25, FimLevel.DOCUMENT), tokenizer, sentinels, realised);
        int transformed = 0;
        int spm = 0;
        int pieces = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int[] tokens = fim.build(source, 1025, new SplittableRandom(trial)).tokens();
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] == pre) {
                    transformed++;
                    if (tokens[i + 1] == suf) spm++;
                }
                if (tokens[i] == eot) pieces++;
            }
            if (tokens[tokens.length - 1] != eot) pieces++; // the piece at the end, cut by the sequence
        }
        assertEquals(0.3, (double) transformed / pieces, 0.03);
        assertEquals(
                (double) transformed / pieces,
                realised.fimRate().orElseThrow(),
                1e-12,
                "the logged rate is the realised one");
        assertEquals(0.25, (double) spm / transformed, 0.035);
    }

    private StreamSource randomDocuments(SplittableRandom random) {
        List<int[]> docs = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int d = 0; d < count; d++) docs.add(tokenizer.encode(RandomText.document(random, 30)));
        return new StreamSource(docs, eot);
    }

    private int[] joined(List<String> fragments) {
        IntStream.Builder out = IntStream.builder();
        for (int i = 0; i < fragments.size(); i++) {
            if (i > 0) out.add(eot);
            for (int t : tokenizer.encode(fragments.get(i))) out.add(t);
        }
        return out.build().toArray();
    }

    /** prefix, middle, suffix of one rendered unit, put back in order. */
    private int[] undoOne(Fim.Format format, int[] t) {
        IntStream.Builder out = IntStream.builder();
        switch (format) {
            case CODEGEN2 -> {
                int m = indexOf(t, mask1, 0);
                int s = indexOf(t, sep, 0);
                assertEquals(eot, t[s - 1]);
                assertEquals(mask1, t[s + 1]);
                assertEquals(eom, t[t.length - 1]);
                copy(t, 0, m, out);
                copy(t, s + 2, t.length - 1, out);
                copy(t, m + 1, s - 1, out);
            }
            case PSM -> {
                assertEquals(pre, t[0]);
                int s = indexOf(t, suf, 0);
                int m = indexOf(t, mid, 0);
                copy(t, 1, s, out);
                copy(t, m + 1, t.length, out);
                copy(t, s + 1, m, out);
            }
            case SPM -> {
                assertEquals(pre, t[0]);
                assertEquals(suf, t[1]);
                int m = indexOf(t, mid, 0);
                copy(t, m + 1, t.length, out);
                copy(t, 2, m, out);
            }
        }
        return out.build().toArray();
    }

    /** Undoes every document-level FIM unit of an example (a unit's text holds no separator). */
    private IntStream undoDocumentLevel(int[] t) {
        IntStream.Builder out = IntStream.builder();
        int i = 0;
        while (i < t.length) {
            if (t[i] == pre) {
                int end = i;
                while (end < t.length && t[end] != eot) end++;
                Fim.Format format = t[i + 1] == suf ? Fim.Format.SPM : Fim.Format.PSM;
                for (int token : undoOne(format, Arrays.copyOfRange(t, i, end))) out.add(token);
                i = end;
                continue;
            }
            int j = i;
            while (j < t.length && t[j] != eot && t[j] != mask1) j++;
            if (j < t.length && t[j] == mask1) {
                int end = indexOf(t, eom, j) + 1;
                for (int token : undoOne(Fim.Format.CODEGEN2, Arrays.copyOfRange(t, i, end))) out.add(token);
                i = end;
                continue;
            }
            copy(t, i, Math.min(j + 1, t.length), out);
            i = j + 1;
        }
        return out.build();
    }

    private static int indexOf(int[] tokens, int token, int from) {
        for (int i = from; i < tokens.length; i++) if (tokens[i] == token) return i;
        throw new AssertionError("token " + token + " not found in " + Arrays.toString(tokens));
    }

    private static void copy(int[] tokens, int from, int to, IntStream.Builder out) {
        for (int i = from; i < to; i++) out.add(tokens[i]);
    }
}
