package ablation.engine.objective;

import ablation.core.config.FimFormat;
import ablation.core.config.FimLevel;
import ablation.core.config.ObjectiveConfig;
import ablation.core.config.ObjectiveKind;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fill-in-the-middle (Bavarian et al., 2022): a text is cut at two points chosen uniformly over its
 * characters (code points) into prefix, middle and suffix, and rearranged so that a left-to-right
 * model learns to write the middle after seeing both sides:
 * <pre>
 *   codegen2:  prefix &lt;mask_1&gt; suffix &lt;|endoftext|&gt; &lt;sep&gt; &lt;mask_1&gt; middle &lt;eom&gt;
 *   PSM:       &lt;fim_prefix&gt; prefix &lt;fim_suffix&gt; suffix &lt;fim_middle&gt; middle
 *   SPM:       &lt;fim_prefix&gt; &lt;fim_suffix&gt; suffix &lt;fim_middle&gt; prefix middle
 * </pre>
 * The three parts are decoded from tokens and encoded again separately. Every token is scored, as
 * in Bavarian et al. (FIM is a reordering trained with the ordinary causal loss).
 *
 * <p>{@code fim_level: document}: each document (the part of it in this sequence) is transformed
 * with probability {@code fim_rate}. {@code fim_level: context}: the packed sequence is one text
 * (its documents separated by {@code <|endoftext|>}, which stays a token) transformed with
 * probability {@code fim_rate}. A transformed text is sized to fit the room left in the sequence
 * (pulled again, shorter or longer, if re-encoding changed its length or the room ends inside a
 * multi-byte character), so FIM examples are never cut. One that ends its document is followed by
 * {@code <|endoftext|>} and further documents; one that does not must fill the sequence exactly
 * (else it stays plain), so a middle is never followed by unrelated text. A piece that starts
 * inside a character (its text decodes with U+FFFD) stays plain.
 */
public final class Fim implements Objective {
    private static final int MAX_ATTEMPTS = 6;

    /** The three layouts. */
    public enum Format {
        CODEGEN2,
        PSM,
        SPM
    }

    private final ObjectiveConfig config;
    private final Tokenizer tokenizer;
    private final Sentinels sentinels;
    private final RealisedRates realised;

    Fim(ObjectiveConfig config, Tokenizer tokenizer, Sentinels sentinels, RealisedRates realised) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.sentinels = sentinels;
        this.realised = realised;
    }

    @Override
    public ObjectiveKind kind() {
        return ObjectiveKind.FIM;
    }

    @Override
    public Example build(TokenSource source, int length, SplittableRandom random) {
        ExampleBuilder example = new ExampleBuilder(length);
        if (config.fimLevel() == FimLevel.CONTEXT) {
            realised.fimCandidate(random.nextDouble() < config.fimRate() && transform(source, example, random, true));
        } else {
            while (example.remaining() > 0) {
                boolean transformed =
                        random.nextDouble() < config.fimRate() && transform(source, example, random, false);
                realised.fimCandidate(transformed);
                if (transformed) continue;
                example.addAll(source.next(example.remaining()).tokens(), true);
            }
        }
        example.fill(source, true);
        return example.build(0);
    }

    /**
     * Transforms the next document piece (or, across documents, the next {@code context} tokens)
     * into the room left in {@code example}; false (nothing consumed) when it cannot.
     */
    private boolean transform(
            TokenSource source, ExampleBuilder example, SplittableRandom random, boolean acrossDocuments) {
        Format format = format(random);
        double cut1 = random.nextDouble();
        double cut2 = random.nextDouble();
        int room = example.remaining();
        int budget = room - overhead(format);
        int best = 0; // a budget whose result fits: it fills the room or ends its document
        TokenSource.Mark start = source.mark();
        // Re-encoding the three parts may change the token count by a few: adjust the budget until
        // the result fits the room exactly (or ends its document), a few attempts at most.
        for (int attempt = 0; attempt < MAX_ATTEMPTS && budget >= 1; attempt++) {
            Attempt result = attempt(source, format, budget, cut1, cut2, acrossDocuments);
            source.reset(start);
            if (result == null) return false;
            if (result.cutCharacter()) { // the budget ends inside a multi-byte character
                budget--;
                continue;
            }
            if (result.size() == room || result.size() < room && result.endsDocument()) {
                best = budget;
                break;
            }
            budget += room - result.size();
        }
        if (best == 0) return false;
        Attempt result = attempt(source, format, best, cut1, cut2, acrossDocuments);
        example.addAll(result.tokens(), true);
        if (result.endsDocument()) example.add(sentinels.endOfText(), true);
        return true;
    }

    /** A transformed text and whether its separator follows ({@code size()} counts it), or a text that ends inside a character. */
    private record Attempt(int[] tokens, boolean endsDocument, boolean cutCharacter) {
        int size() {
            return tokens.length + (endsDocument ? 1 : 0);
        }
    }

    /** Pulls {@code budget} tokens and renders them cut at the fractions; null if they cannot be transformed. */
    private Attempt attempt(
            TokenSource source, Format format, int budget, double cut1, double cut2, boolean acrossDocuments) {
        List<String> fragments = new ArrayList<>();
        boolean endsDocument = pull(source, budget, acrossDocuments, fragments);
        String last = fragments.get(fragments.size() - 1);
        if (!endsDocument && last.endsWith("\uFFFD")) {
            fragments.set(fragments.size() - 1, last.substring(0, last.length() - 1));
            if (fragments.stream().noneMatch(f -> f.indexOf('\uFFFD') >= 0)) return new Attempt(null, false, true);
        }
        FimText text = new FimText(fragments);
        if (text.length() == 0 || fragments.stream().anyMatch(f -> f.indexOf('\uFFFD') >= 0)) return null;
        int a = (int) (cut1 * (text.length() + 1));
        int b = (int) (cut2 * (text.length() + 1));
        return new Attempt(render(format, text, Math.min(a, b), Math.max(a, b)), endsDocument, false);
    }

    /**
     * Pulls up to {@code budget} tokens (one document's piece, or several documents) and decodes
     * them into fragments between separators; true when the last piece ends its document.
     */
    private boolean pull(TokenSource source, int budget, boolean acrossDocuments, List<String> fragments) {
        int taken = 0;
        while (true) {
            Piece piece = source.next(budget - taken);
            taken += piece.length();
            fragments.add(tokenizer.decode(piece.text()));
            if (!acrossDocuments || taken == budget) return piece.endsDocument();
        }
    }

    private Format format(SplittableRandom random) {
        if (config.fimFormat() == FimFormat.CODEGEN2) return Format.CODEGEN2;
        return random.nextDouble() < config.fimSpmShare() ? Format.SPM : Format.PSM;
    }

    private static int overhead(Format format) {
        return format == Format.CODEGEN2 ? 5 : 3;
    }

    /** The FIM layout of {@code text} cut at code points {@code a <= b}. */
    int[] render(Format format, FimText text, int a, int b) {
        int[] prefix = encode(text.slice(0, a));
        int[] middle = encode(text.slice(a, b));
        int[] suffix = encode(text.slice(b, text.length()));
        IntStream.Builder out = IntStream.builder();
        switch (format) {
            case CODEGEN2 -> {
                append(out, prefix);
                out.add(sentinels.mask(1));
                append(out, suffix);
                out.add(sentinels.endOfText()).add(sentinels.sep()).add(sentinels.mask(1));
                append(out, middle);
                out.add(sentinels.endOfMask());
            }
            case PSM -> {
                out.add(sentinels.fimPrefix());
                append(out, prefix);
                out.add(sentinels.fimSuffix());
                append(out, suffix);
                out.add(sentinels.fimMiddle());
                append(out, middle);
            }
            case SPM -> {
                out.add(sentinels.fimPrefix()).add(sentinels.fimSuffix());
                append(out, suffix);
                out.add(sentinels.fimMiddle());
                append(out, prefix);
                append(out, middle);
            }
        }
        return out.build().toArray();
    }

    /** Encodes fragments, joined by {@code <|endoftext|>} tokens. */
    private int[] encode(List<String> fragments) {
        IntStream.Builder out = IntStream.builder();
        for (int i = 0; i < fragments.size(); i++) {
            if (i > 0) out.add(sentinels.endOfText());
            append(out, tokenizer.encode(fragments.get(i)));
        }
        return out.build().toArray();
    }

    private static void append(IntStream.Builder out, int[] ids) {
        for (int id : ids) out.add(id);
    }

    /**
     * Text made of fragments separated by document separators, indexed by code point; each
     * separator counts as one position, so a cut can fall on either side of it.
     */
    static final class FimText {
        private final int[] codePoints; // -1 marks a separator

        FimText(List<String> fragments) {
            IntStream.Builder all = IntStream.builder();
            for (int i = 0; i < fragments.size(); i++) {
                if (i > 0) all.add(-1);
                fragments.get(i).codePoints().forEach(all::add);
            }
            codePoints = all.build().toArray();
        }

        int length() {
            return codePoints.length;
        }

        /** Code points [from, to) as fragments (split at separators). */
        List<String> slice(int from, int to) {
            List<String> fragments = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = from; i < to; i++) {
                if (codePoints[i] < 0) {
                    fragments.add(current.toString());
                    current.setLength(0);
                } else {
                    current.appendCodePoint(codePoints[i]);
                }
            }
            fragments.add(current.toString());
            return fragments;
        }
    }
}
