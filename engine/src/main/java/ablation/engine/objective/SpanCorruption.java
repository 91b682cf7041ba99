package ablation.engine.objective;

import ablation.core.config.ObjectiveConfig;
import ablation.core.config.ObjectiveKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Span corruption as CodeGen2 describes it (docs/ARCHITECTURE.md, objectives), file by file: each
 * file of the packed sequence (the part of a document in it) gets its own spans and its own target
 * block, so a sequence of two files reads
 * <pre>
 *   file_1 with span k replaced by &lt;mask_k&gt;  &lt;|endoftext|&gt; &lt;sep&gt;
 *       &lt;mask_1&gt; span_1 &lt;eom&gt; ... &lt;mask_s&gt; span_s &lt;eom&gt;
 *   file_2 likewise ...
 * </pre>
 * and a span never crosses a document boundary. Each sequence draws its mask ratio uniformly in
 * [{@code ratio_min}, {@code ratio_max}]; each span draws its length uniformly in
 * [{@code length_min}, {@code length_max}]. Spans are drawn until they cover the ratio of the file
 * (the one that would overshoot is kept with the probability that makes the expected share exact),
 * at most {@code max_spans} per file, then placed uniformly at random, never adjacent. A file too
 * short for a span stays plain. The last file of a sequence is cut so that its layout fills the
 * sequence exactly (the document continues in the next sequence); one that cannot be cut usefully
 * loses spans until it fits.
 *
 * <p>Scored: the target blocks always. With {@code score_context} (the default) the corrupted files
 * are scored too, as every other objective scores all its text, except where nothing can be
 * learned: the {@code <mask_k>} placeholders in the text (where a span was cut is random; a model
 * taught to predict them would write masks into left-to-right code) and the
 * {@code <|endoftext|>} after a cut file (its document does not end there). Without
 * {@code score_context} only the target blocks are scored; a sequence in which no span fits is then
 * trained as plain causal LM.
 *
 * <p>Without {@code file_level} the whole sequence is one text: spans may cover separators, and one
 * target block ends it.
 */
public final class SpanCorruption implements Objective {
    /** Tokens a file with spans adds besides its spans and their placeholders: {@code <|endoftext|> <sep>}. */
    private static final int FILE_OVERHEAD = 2;
    /** Tokens each span adds: its placeholder in the text, and {@code <mask_k>} and {@code <eom>} in the block. */
    private static final int SPAN_OVERHEAD = 3;

    private final ObjectiveConfig.Span span;
    private final boolean fileLevel;
    private final Sentinels sentinels;
    private final RealisedRates realised;

    SpanCorruption(ObjectiveConfig.Span span, boolean fileLevel, Sentinels sentinels, RealisedRates realised) {
        this.span = span;
        this.fileLevel = fileLevel;
        this.sentinels = sentinels;
        this.realised = realised;
    }

    @Override
    public ObjectiveKind kind() {
        return ObjectiveKind.SPAN_CORRUPTION;
    }

    @Override
    public Example build(TokenSource source, int length, SplittableRandom random) {
        double ratio = span.ratioMin() + (span.ratioMax() - span.ratioMin()) * random.nextDouble();
        ExampleBuilder example = new ExampleBuilder(length);
        boolean anySpan = false;
        while (example.remaining() > 0) {
            int room = example.remaining();
            if (fileLevel) {
                TokenSource.Mark start = source.mark();
                Piece piece = source.next(room);
                if (piece.endsDocument()) {
                    int[] text = piece.text();
                    int[] lengths = plan(ratio, s -> text.length, random);
                    if (lengths.length == 0) {
                        addPlain(example, piece);
                        continue;
                    }
                    if (layoutSize(text.length, lengths.length) <= room) {
                        addFile(example, text, lengths, true, random);
                        anySpan = true;
                        continue;
                    }
                    // The file does not fit with its spans: cut it to fill the room, else drop spans.
                    int[] cut = plan(ratio, s -> room - FILE_OVERHEAD - SPAN_OVERHEAD * s, random);
                    int cutLength = room - FILE_OVERHEAD - SPAN_OVERHEAD * cut.length;
                    if (cut.length == 0 || cutLength >= text.length) {
                        int keep = lengths.length;
                        while (keep > 0 && layoutSize(text.length, keep) > room) keep--;
                        if (keep == 0) {
                            addPlain(example, piece);
                        } else {
                            addFile(example, text, Arrays.copyOf(lengths, keep), true, random);
                            anySpan = true;
                        }
                        continue;
                    }
                    source.reset(start);
                    addFile(example, pull(source, cutLength), cut, false, random);
                    anySpan = true;
                    continue;
                }
                source.reset(start);
            }
            // The rest of the sequence is one cut text (within one document when file-level).
            int[] lengths = plan(ratio, s -> room - FILE_OVERHEAD - SPAN_OVERHEAD * s, random);
            if (lengths.length == 0) {
                int[] rest = pull(source, room);
                realised.corrupted(rest.length, 0);
                example.addAll(rest, span.scoreContext());
            } else {
                int textLength = room - FILE_OVERHEAD - SPAN_OVERHEAD * lengths.length;
                addFile(example, pull(source, textLength), lengths, false, random);
                anySpan = true;
            }
        }
        Example built = example.build(0);
        if (anySpan || span.scoreContext()) return built;
        boolean[] all = new boolean[length];
        Arrays.fill(all, 1, length, true);
        return new Example(built.tokens(), all, 0);
    }

    /** Tokens a file of {@code textLength} tokens takes with {@code spans} spans. */
    private static int layoutSize(int textLength, int spans) {
        return textLength + SPAN_OVERHEAD * spans + FILE_OVERHEAD;
    }

    /**
     * Span lengths for a file whose text has {@code textLength(s)} tokens when it has s spans: drawn
     * until they cover {@code ratio} of it, the overshooting one kept with probability
     * (uncovered share / its length), so the expected coverage is the ratio; at most max_spans, and
     * never more than the text can hold with a token between spans.
     */
    int[] plan(double ratio, IntUnaryOperator textLength, SplittableRandom random) {
        List<Integer> lengths = new ArrayList<>();
        int masked = 0;
        while (lengths.size() < span.maxSpans()) {
            int spans = lengths.size() + 1;
            int text = textLength.applyAsInt(spans);
            int next = span.lengthMin() + random.nextInt(span.lengthMax() - span.lengthMin() + 1);
            if (masked + next + spans - 1 > text) break;
            double target = ratio * text;
            boolean keep = masked + next <= target || random.nextDouble() < (target - masked) / next;
            if (!keep) break;
            lengths.add(next);
            masked += next;
            if (masked >= target) break;
        }
        return lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Span starts for {@code lengths} (in text order) in a text of {@code textLength} tokens, uniform
     * over the placements where no two spans touch: the free tokens are spread over the s + 1 gaps
     * by choosing s bars among free + s positions.
     */
    static int[] place(int textLength, int[] lengths, SplittableRandom random) {
        int spans = lengths.length;
        int free = textLength - Arrays.stream(lengths).sum() - (spans - 1);
        int[] positions = new int[free + spans];
        for (int i = 0; i < positions.length; i++) positions[i] = i;
        for (int i = 0; i < spans; i++) { // partial Fisher-Yates: the first s entries are a random subset
            int j = i + random.nextInt(positions.length - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        int[] bars = Arrays.copyOf(positions, spans);
        Arrays.sort(bars);
        int[] starts = new int[spans];
        int at = 0;
        int previousBar = -1;
        for (int k = 0; k < spans; k++) {
            at += bars[k] - previousBar - 1 + (k > 0 ? 1 : 0);
            starts[k] = at;
            at += lengths[k];
            previousBar = bars[k];
        }
        return starts;
    }

    /** One file's layout: the text with placeholders, {@code <|endoftext|> <sep>}, then its target block. */
    private void addFile(
            ExampleBuilder example, int[] text, int[] lengths, boolean endsDocument, SplittableRandom random) {
        int[] starts = place(text.length, lengths, random);
        boolean context = span.scoreContext();
        int at = 0;
        for (int k = 0; k < lengths.length; k++) {
            for (; at < starts[k]; at++) example.add(text[at], context);
            example.add(sentinels.mask(k + 1), false);
            at = starts[k] + lengths[k];
        }
        for (; at < text.length; at++) example.add(text[at], context);
        example.add(sentinels.endOfText(), context && endsDocument);
        example.add(sentinels.sep(), context);
        for (int k = 0; k < lengths.length; k++) {
            example.add(sentinels.mask(k + 1), true);
            example.addAll(Arrays.copyOfRange(text, starts[k], starts[k] + lengths[k]), true);
            example.add(sentinels.endOfMask(), true);
        }
        realised.corrupted(text.length, Arrays.stream(lengths).sum());
    }

    private void addPlain(ExampleBuilder example, Piece piece) {
        realised.corrupted(piece.text().length, 0);
        example.addAll(piece.tokens(), span.scoreContext());
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
}
