package ablation.engine.sampling;

import ablation.core.config.EvalMode;
import ablation.engine.tokenizer.Tokenizer;
import java.util.List;

/**
 * When a sample ends: at a stop token (which is not part of the text), or where its decoded text
 * first contains a stop sequence (the text is cut just before it). Sequences are matched on the
 * decoded text rather than on tokens because BPE may spell {@code "\ndef"} with any split.
 *
 * @param tokens ids that end a sample ({@code <eom>}, {@code <|endoftext|>})
 * @param sequences texts that end a sample, e.g. {@code "\ndef"}
 * @param endsAtNewline a sample also ends after the first newline of its text, which it keeps
 */
public record StopRule(int[] tokens, List<String> sequences, boolean endsAtNewline) {
    public StopRule {
        tokens = tokens.clone();
        sequences = List.copyOf(sequences);
    }

    public StopRule(int[] tokens, List<String> sequences) {
        this(tokens, sequences, false);
    }

    /**
     * The rule of an evaluation mode: {@code <eom>} and {@code <|endoftext|>} (those the tokenizer
     * has), the mode's stop sequences (left-to-right: {@code \ndef \nclass \nif \nprint \n#}) and,
     * for {@code infill-line}, the first newline.
     */
    public static StopRule of(EvalMode mode, Tokenizer tokenizer) {
        int[] ids = List.of(Tokenizer.END_OF_MASK, Tokenizer.END_OF_TEXT).stream()
                .filter(tokenizer::hasSpecial)
                .mapToInt(tokenizer::specialId)
                .toArray();
        return new StopRule(ids, mode.stops(), mode.endsAtNewline());
    }

    public boolean isStopToken(int token) {
        for (int id : tokens) if (id == token) return true;
        return false;
    }

    /** Where the text of a finished sample ends: before its first stop sequence or after its first newline; -1 if neither occurs. */
    public int cut(String text) {
        int first = -1;
        for (String sequence : sequences) {
            int at = text.indexOf(sequence);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        int newline = endsAtNewline ? text.indexOf('\n') : -1;
        if (newline >= 0 && (first < 0 || newline + 1 < first)) first = newline + 1;
        return first;
    }

    /** Whether {@link #cut} can end a sample (some stop sequence, or the newline rule). */
    public boolean cutsText() {
        return !sequences.isEmpty() || endsAtNewline;
    }
}
