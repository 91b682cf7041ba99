package ablation.engine.data;

import java.util.Arrays;

/**
 * Some documents of a source, in order, with an optional cap on their tokens: the training set
 * once held-out documents are removed and {@code max_tokens} is applied (the document that crosses
 * the cap is cut there, so the cap is exact).
 */
final class Selection implements Documents {
    private final Documents all;
    private final int[] ids;
    private final int lastLength;

    /** @param cap at most this many tokens (0: no cap) */
    Selection(Documents all, int[] ids, long cap) {
        this.all = all;
        long total = 0;
        int count = ids.length;
        int last = count == 0 ? 0 : all.length(ids[count - 1]);
        for (int i = 0; i < ids.length; i++) {
            int length = all.length(ids[i]);
            if (cap > 0 && total + length >= cap) {
                count = i + 1;
                last = (int) (cap - total);
                break;
            }
            total += length;
        }
        this.ids = Arrays.copyOf(ids, count);
        this.lastLength = last;
    }

    @Override
    public int count() {
        return ids.length;
    }

    @Override
    public int length(int doc) {
        return doc == ids.length - 1 ? lastLength : all.length(ids[doc]);
    }

    @Override
    public void read(int doc, int from, int[] dst, int at, int n) {
        if (from + n > length(doc))
            throw new IndexOutOfBoundsException("document " + doc + " has " + length(doc) + " tokens");
        all.read(ids[doc], from, dst, at, n);
    }
}
