package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Left-to-right completion or infilling. The executed program is the same shape for every mode
 * ({@code prompt + completion + suffix + test + check(entry_point)}, the suffix being empty for L2R);
 * the mode decides where a raw model output ends.
 */
public enum EvalMode implements Choice {
    /** Stop sequences of the Codex / CodeGen evaluations: the completion ends where the next top-level statement begins. */
    L2R("l2r", List.of("\ndef", "\nclass", "\nif", "\nprint", "\n#"), false),
    /** CodeGen2's infilling: the model closes the middle with {@code <eom>} (or {@code <|endoftext|>}), nothing else stops it. */
    INFILL("infill", List.of("<eom>"), false),
    /**
     * Single-line infilling as InCoder and SantaCoder evaluate it: the middle also ends after its
     * first newline (which it keeps), so a model that runs on past the hole is not punished for it.
     */
    INFILL_LINE("infill-line", List.of("<eom>"), true);

    private final String label;
    private final List<String> stops;
    private final boolean endsAtNewline;

    EvalMode(String label, List<String> stops, boolean endsAtNewline) {
        this.label = label;
        this.stops = stops;
        this.endsAtNewline = endsAtNewline;
    }

    /** The completion up to (excluding) the first stop sequence, or up to and including its first newline, or all of it. */
    public String truncate(String completion) {
        int end = completion.length();
        for (String stop : stops) {
            int at = completion.indexOf(stop);
            if (at >= 0 && at < end) end = at;
        }
        if (endsAtNewline) {
            int newline = completion.indexOf('\n');
            if (newline >= 0 && newline + 1 < end) end = newline + 1;
        }
        return completion.substring(0, end);
    }

    /** Where a raw output ends: the first of these in its text (cut before it). */
    public List<String> stops() {
        return stops;
    }

    /** Whether a completion also ends after its first newline (kept in the text). */
    public boolean endsAtNewline() {
        return endsAtNewline;
    }

    /** Whether the mode fills a hole between a prefix and a suffix. */
    public boolean isInfill() {
        return this != L2R;
    }

    /** The label in configs and the database: {@code l2r}, {@code infill}, {@code infill-line}. */
    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** The name reports print: {@code L2R}, {@code infill}, {@code infill-line}. */
    public String title() {
        return this == L2R ? "L2R" : label;
    }

    @Override
    public String toString() {
        return label;
    }

    public static EvalMode fromLabel(String label) {
        return Choice.of(EvalMode.class, "mode", label);
    }
}
