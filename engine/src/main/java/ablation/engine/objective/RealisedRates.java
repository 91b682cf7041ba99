package ablation.engine.objective;

import java.util.OptionalDouble;

/**
 * What the objectives actually did, counted as they build sequences, to be reported next to what
 * was configured: the share of span-corrupted text that went into spans (the mask ratio) and the
 * share of FIM candidates that were transformed (the FIM rate; a text that cannot be rearranged
 * within the room left stays plain). Saved and restored with the stream's position.
 */
public final class RealisedRates {
    private long spanTextTokens;
    private long spanMaskedTokens;
    private long fimCandidates;
    private long fimTransformed;

    /** A span-corrupted file (or plain text in a span-corruption sequence): its tokens and how many went into spans. */
    void corrupted(int textTokens, int maskedTokens) {
        spanTextTokens += textTokens;
        spanMaskedTokens += maskedTokens;
    }

    /** A text a FIM sequence could have transformed, and whether it was. */
    void fimCandidate(boolean transformed) {
        fimCandidates++;
        if (transformed) fimTransformed++;
    }

    /** Tokens moved into spans per token of span-corrupted text; empty before the first span-corruption sequence. */
    public OptionalDouble maskRatio() {
        if (spanTextTokens == 0) return OptionalDouble.empty();
        return OptionalDouble.of((double) spanMaskedTokens / spanTextTokens);
    }

    /** Transformed FIM candidates per candidate; empty before the first FIM sequence. */
    public OptionalDouble fimRate() {
        return fimCandidates == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) fimTransformed / fimCandidates);
    }

    /** The counts, for a saved stream position. */
    public long[] counts() {
        return new long[] {spanTextTokens, spanMaskedTokens, fimCandidates, fimTransformed};
    }

    public void restore(long[] counts) {
        if (counts.length != 4) {
            throw new IllegalArgumentException("expected 4 realised-rate counts, got " + counts.length);
        }
        spanTextTokens = counts[0];
        spanMaskedTokens = counts[1];
        fimCandidates = counts[2];
        fimTransformed = counts[3];
    }
}
