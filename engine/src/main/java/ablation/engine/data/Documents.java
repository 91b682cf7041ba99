package ablation.engine.data;

import ablation.engine.objective.TokenSource;
import java.util.List;

/** Tokenized documents with random access: a cache entry, or a view that selects and caps one. */
public interface Documents {
    int count();

    /** Tokens of document {@code doc}, without a separator. */
    int length(int doc);

    /** Copies {@code n} tokens of document {@code doc} from position {@code from} into {@code dst[at..]}. */
    void read(int doc, int from, int[] dst, int at, int n);

    default int[] tokens(int doc) {
        int[] tokens = new int[length(doc)];
        read(doc, 0, tokens, 0, tokens.length);
        return tokens;
    }

    /** Total tokens, without separators. */
    default long totalTokens() {
        long total = 0;
        for (int i = 0; i < count(); i++) total += length(i);
        return total;
    }

    /**
     * These documents as one endless token stream in their order, each followed by
     * {@code endOfText}: what an objective reads (previews; training uses {@link DataPipeline}).
     */
    static TokenSource stream(Documents documents, int endOfText) {
        return new SourceCursor(documents, true, 0, endOfText);
    }

    /** Documents held in memory (previews, tests). */
    static Documents of(List<int[]> documents) {
        return new Documents() {
            @Override
            public int count() {
                return documents.size();
            }

            @Override
            public int length(int doc) {
                return documents.get(doc).length;
            }

            @Override
            public void read(int doc, int from, int[] dst, int at, int n) {
                System.arraycopy(documents.get(doc), from, dst, at, n);
            }
        };
    }
}
