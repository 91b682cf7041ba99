package ablation.engine.data;

import ablation.engine.objective.Piece;
import ablation.engine.objective.TokenSource;
import java.util.SplittableRandom;

/**
 * Reads one source's training documents as an endless token stream, each document followed by
 * {@code <|endoftext|>}. Finite sources are read in a fresh order each epoch (shuffled from the
 * seed) and repeat when exhausted; the epochs consumed are counted. Endless (generated) sources are
 * read in stream order.
 */
final class SourceCursor implements TokenSource {
    private final Documents documents;
    private final boolean endless;
    private final long seed;
    private final int endOfText;
    private final long epochTokens; // tokens plus one separator per document
    private long epoch;
    private int index;
    private int offset;
    private long consumed;
    private int[] order;
    private long orderEpoch = -1;

    /** The cursor's position: epoch, index in that epoch's order, offset within the document, tokens consumed in all. */
    record Position(long epoch, int index, int offset, long consumed) implements Mark {}

    SourceCursor(Documents documents, boolean endless, long seed, int endOfText) {
        this.documents = documents;
        this.endless = endless;
        this.seed = seed;
        this.endOfText = endOfText;
        this.epochTokens = documents.totalTokens() + documents.count();
    }

    @Override
    public Piece next(int max) {
        if (max < 1) throw new IllegalArgumentException("max " + max);
        int doc = order()[index];
        int text = documents.length(doc);
        int n = Math.min(max, text + 1 - offset);
        int[] tokens = new int[n];
        int fromText = Math.min(n, text - offset);
        documents.read(doc, offset, tokens, 0, fromText);
        boolean ends = offset + n == text + 1;
        if (ends) tokens[n - 1] = endOfText;
        offset += n;
        consumed += n;
        if (ends) {
            offset = 0;
            if (++index == documents.count()) {
                index = 0;
                epoch++;
            }
        }
        return new Piece(tokens, ends);
    }

    @Override
    public Position mark() {
        return new Position(epoch, index, offset, consumed);
    }

    @Override
    public void reset(Mark mark) {
        Position position = (Position) mark;
        epoch = position.epoch();
        index = position.index();
        offset = position.offset();
        consumed = position.consumed();
    }

    /** Epochs consumed (fractional); 0 for an endless source unless it ran past its materialised part. */
    double epochs() {
        return endless ? epoch : (double) consumed / epochTokens;
    }

    private int[] order() {
        if (orderEpoch != epoch) {
            int n = documents.count();
            order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            if (!endless) {
                SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "epoch", epoch));
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
            }
            orderEpoch = epoch;
        }
        return order;
    }
}
