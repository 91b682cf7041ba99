package ablation.engine.objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test token source over fixed documents, each followed by the separator, repeated endlessly;
 * it remembers where it started so a test can compare an example with the raw tokens it consumed.
 */
public final class StreamSource implements TokenSource {
    private final List<int[]> documents;
    private final int separator;
    private long position;

    private record At(long position) implements Mark {}

    public StreamSource(List<int[]> documents, int separator) {
        this.documents = documents;
        this.separator = separator;
    }

    long position() {
        return position;
    }

    /** The raw stream tokens [from, to). */
    int[] stream(long from, long to) {
        List<Integer> out = new ArrayList<>();
        long at = 0;
        while (at < to) {
            for (int[] doc : documents) {
                for (int i = 0; i <= doc.length; i++, at++) {
                    if (at >= from && at < to) out.add(i < doc.length ? doc[i] : separator);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Piece next(int max) {
        long cycle = 0;
        for (int[] doc : documents) cycle += doc.length + 1;
        long offsetInCycle = position % cycle;
        for (int[] doc : documents) {
            if (offsetInCycle <= doc.length) {
                int offset = (int) offsetInCycle;
                int n = Math.min(max, doc.length + 1 - offset);
                int[] tokens = new int[n];
                for (int i = 0; i < n; i++) tokens[i] = offset + i < doc.length ? doc[offset + i] : separator;
                position += n;
                return new Piece(tokens, offset + n == doc.length + 1);
            }
            offsetInCycle -= doc.length + 1;
        }
        throw new IllegalStateException();
    }

    @Override
    public Mark mark() {
        return new At(position);
    }

    @Override
    public void reset(Mark mark) {
        position = ((At) mark).position();
    }

    @Override
    public String toString() {
        return documents.stream().map(Arrays::toString).toList().toString();
    }
}
