package ablation.engine.objective;

import ablation.core.config.ObjectiveKind;
import ablation.core.config.ObjectiveConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Span corruption in the CodeGen2 layout (docs/ARCHITECTURE.md, The paper):
 * <pre>
 *   text with span k replaced by &lt;mask_k&gt;   &lt;|endoftext|&gt; &lt;sep&gt;   &lt;mask_1&gt; span_1 &lt;eom&gt; ... &lt;mask_s&gt; span_s &lt;eom&gt;
 * </pre>
 * Scored: every token after {@code <sep>} (each {@code <mask_k>}, its span and {@code <eom>});
 * the corrupted text and the {@code <|endoftext|> <sep>} pair are context only.
 *
 * <p>Length: s spans add 3s + 2 tokens, so the objective pulls r = length - 3s - 2 raw tokens and
 * corrupts round(rate · r) of them, cut at random into s spans, with s chosen so that the mean span
 * length is {@code mean_length} (at least 1 span; at most {@code max_spans}, which lengthens them). Spans are placed uniformly at random, never
 * adjacent; with {@code file_level} never over a document's {@code <|endoftext|>}, so never across
 * documents. If some span finds no room (short documents), the 3 tokens per missing span are
 * refilled with further uncorrupted text, so the example always has exactly the requested length;
 * if no span fits at all, the sequence is trained as plain causal LM.
 */
public final class SpanCorruption implements Objective {
    private final ObjectiveConfig.Span span;
    private final boolean fileLevel;
    private final Sentinels sentinels;

    SpanCorruption(ObjectiveConfig.Span span, boolean fileLevel, Sentinels sentinels) {
        this.span = span;
        this.fileLevel = fileLevel;
        this.sentinels = sentinels;
    }

    @Override
    public ObjectiveKind kind() {
        return ObjectiveKind.SPAN_CORRUPTION;
    }

    @Override
    public Example build(TokenSource source, int length, SplittableRandom random) {
        // Each span needs a raw token, a gap and 3 sentinels; 2 more for <|endoftext|> <sep>.
        // s spans of mean length m over r raw tokens: s·m = rate·r and r = length - 3s - 2.
        long ideal = Math.round(span.rate() * (length - 2) / (span.meanLength() + 3 * span.rate()));
        int planned = (int) Math.min(Math.min(span.maxSpans(), ideal), (length - 2) / 5);
        planned = Math.max(planned, 1);
        int rawLength = length - 3 * planned - 2;
        if (rawLength < 2) return new CausalLm().build(source, length, random);

        int[] raw = pull(source, rawLength);
        int noise = (int) Math.max(planned, Math.round(span.rate() * rawLength));
        List<int[]> spans = place(raw, segment(noise, planned, random), random);
        if (spans.isEmpty()) {
            ExampleBuilder plain = new ExampleBuilder(length);
            plain.addAll(raw, true);
            plain.fill(source, true);
            return plain.build(0);
        }

        ExampleBuilder example = new ExampleBuilder(length);
        int at = 0;
        for (int k = 1; k <= spans.size(); k++) {
            int[] s = spans.get(k - 1);
            for (; at < s[0]; at++) example.add(raw[at], false);
            example.add(sentinels.mask(k), false);
            at = s[1];
        }
        for (; at < raw.length; at++) example.add(raw[at], false);
        // Refill what unplaced spans would have taken with more (uncorrupted) text.
        int refill = 3 * (planned - spans.size());
        if (refill > 0) example.addAll(pull(source, refill), false);
        example.add(sentinels.endOfText(), false);
        example.add(sentinels.sep(), false);
        for (int k = 1; k <= spans.size(); k++) {
            int[] s = spans.get(k - 1);
            example.add(sentinels.mask(k), true);
            example.addAll(Arrays.copyOfRange(raw, s[0], s[1]), true);
            example.add(sentinels.endOfMask(), true);
        }
        return example.build(0);
    }

    private static int[] pull(TokenSource source, int count) {
        int[] tokens = new int[count];
        for (int n = 0; n < count; ) {
            int[] piece = source.next(count - n).tokens();
            System.arraycopy(piece, 0, tokens, n, piece.length);
            n += piece.length;
        }
        return tokens;
    }

    /** {@code total} tokens cut into {@code parts} positive lengths at uniformly random points (T5's segmentation). */
    static int[] segment(int total, int parts, SplittableRandom random) {
        int[] cuts = new int[total - 1];
        for (int i = 0; i < cuts.length; i++) cuts[i] = i + 1;
        for (int i = 0; i < parts - 1; i++) { // partial Fisher-Yates: the first parts-1 entries are a random subset
            int j = i + random.nextInt(cuts.length - i);
            int swap = cuts[i];
            cuts[i] = cuts[j];
            cuts[j] = swap;
        }
        int[] chosen = Arrays.copyOf(cuts, parts - 1);
        Arrays.sort(chosen);
        int[] lengths = new int[parts];
        int previous = 0;
        for (int i = 0; i < parts - 1; i++) {
            lengths[i] = chosen[i] - previous;
            previous = chosen[i];
        }
        lengths[parts - 1] = total - previous;
        return lengths;
    }

    /**
     * Places spans of the given lengths (longest first) at uniformly random free positions; a span
     * that finds no room is dropped. Returns [start, end) pairs in text order.
     */
    private List<int[]> place(int[] raw, int[] lengths, SplittableRandom random) {
        boolean[] blocked = new boolean[raw.length]; // may not be corrupted: a separator, a span or next to one
        if (fileLevel) {
            for (int i = 0; i < raw.length; i++) blocked[i] = raw[i] == sentinels.endOfText();
        }
        boolean[] corrupted = new boolean[raw.length];
        int[] order = Arrays.stream(lengths).boxed().sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
        List<int[]> spans = new ArrayList<>();
        int[] starts = new int[raw.length];
        for (int len : order) {
            int count = 0;
            for (int a = 0; a + len <= raw.length; a++) {
                if (fits(blocked, corrupted, a, len)) starts[count++] = a;
            }
            if (count == 0) continue;
            int a = starts[random.nextInt(count)];
            for (int i = a; i < a + len; i++) corrupted[i] = true;
            spans.add(new int[] {a, a + len});
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        return spans;
    }

    private static boolean fits(boolean[] blocked, boolean[] corrupted, int start, int length) {
        if (start > 0 && corrupted[start - 1]) return false;
        int end = start + length;
        if (end < corrupted.length && corrupted[end]) return false;
        for (int i = start; i < end; i++) if (blocked[i] || corrupted[i]) return false;
        return true;
    }
}
