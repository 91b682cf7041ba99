package ablation.engine.objective;

/**
 * Where an objective takes its raw tokens from: the documents of one data source, each followed
 * by {@code <|endoftext|>}, as one endless stream. An objective pulls exactly what it needs to fill
 * its sequence; {@link #mark()} and {@link #reset} let it try a length and pull less if the
 * transformed result does not fit.
 */
public interface TokenSource {
    /**
     * Consumes up to {@code max} (at least 1) tokens of the current document, never past its end;
     * the piece ends with {@code <|endoftext|>} (and {@link Piece#endsDocument()}) when it reaches it.
     */
    Piece next(int max);

    /** The current position, to return to with {@link #reset}. */
    Mark mark();

    void reset(Mark mark);

    /** An opaque position in a token source. */
    interface Mark {}
}
