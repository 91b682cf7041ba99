package ablation.engine.desk;

import ablation.core.WorkbenchException;
import ablation.core.config.DeskDifficulty;
import ablation.core.config.SourceKind;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * The generated training corpora of the desk suite, as endless deterministic streams of documents:
 * {@code desk-pl} (modules of one to three Python functions with docstrings) and {@code desk-nl} (English
 * prose). No desk-pl document ever holds a held-out program (see {@link DeskBenchmarks}).
 */
public final class DeskCorpus {
    private DeskCorpus() {}

    /** The stream of documents of a kind at the default difficulty. */
    public static Iterator<String> documents(SourceKind kind, long suiteSeed) {
        return documents(kind, suiteSeed, DeskDifficulty.DEFAULT);
    }

    /**
     * @param kind {@link SourceKind#DESK_PL} or {@link SourceKind#DESK_NL}
     * @param suiteSeed the same seed gives the same documents, in the same order
     * @param difficulty shapes desk-pl (ignored by desk-nl)
     */
    public static Iterator<String> documents(SourceKind kind, long suiteSeed, DeskDifficulty difficulty) {
        if (kind == SourceKind.DESK_PL) return new PythonDocuments(suiteSeed, difficulty);
        if (kind == SourceKind.DESK_NL) return new ProseDocuments(suiteSeed);
        throw new WorkbenchException(
                "unknown desk corpus '" + kind + "': use " + SourceKind.DESK_PL + " or " + SourceKind.DESK_NL);
    }

    private static final class PythonDocuments implements Iterator<String> {
        private final SplittableRandom rng;
        private final FunctionSource functions;

        PythonDocuments(long seed, DeskDifficulty difficulty) {
            this.rng = new SplittableRandom(Seeds.derive(seed, Seeds.PL, 0));
            this.functions = new FunctionSource(difficulty);
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        /** One to three functions (1: half the time), separated by two blank lines as PEP 8 wants. */
        @Override
        public String next() {
            int count = rng.nextInt(20) < 10 ? 1 : rng.nextInt(20) < 14 ? 2 : 3;
            StringBuilder doc = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) doc.append("\n\n");
                doc.append(functions.next(rng, false).source());
            }
            return doc.toString();
        }
    }

    private static final class ProseDocuments implements Iterator<String> {
        private final SplittableRandom rng;
        private final Prose prose = new Prose(Lexicon.ENGLISH);

        ProseDocuments(long seed) {
            this.rng = new SplittableRandom(Seeds.derive(seed, Seeds.NL, 0));
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public String next() {
            return prose.document(rng);
        }
    }
}
