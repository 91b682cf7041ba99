package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Left-to-right completion or infilling. The executed program is the same shape for both
 * ({@code prompt + completion + suffix + test + check(entry_point)}, the suffix being empty for L2R);
 * the mode decides where a raw model output ends.
 */
public enum EvalMode implements Choice {
    /** Stop sequences of the Codex / CodeGen evaluations: the completion ends where the next top-level statement begins. */
    L2R(List.of("\ndef", "\nclass", "\nif", "\nprint", "\n#")),
    /** The model closes the middle with {@code <eom>}. */
    INFILL(List.of("<eom>")),
    /** Single-line infill (InCoder, SantaCoder): the middle also ends at its first newline. */
    INFILL_LINE(List.of("<eom>", "\n"));

    private final List<String> stops;

    EvalMode(List<String> stops) {
        this.stops = stops;
    }

    /** The completion up to (excluding) the first stop sequence, or all of it. */
    public String truncate(String completion) {
        int end = completion.length();
        for (String stop : stops) {
            int at = completion.indexOf(stop);
            if (at >= 0 && at < end) end = at;
        }
        return completion.substring(0, end);
    }

    /** Where a raw output ends: the first of these in its text. */
    public List<String> stops() {
        return stops;
    }

    /** Whether the model writes a middle between a prefix and a suffix. */
    public boolean isInfill() {
        return this != L2R;
    }

    /** The label in configs and the database: {@code l2r}, {@code infill}, {@code infill-line}. */
    @JsonValue
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name reports print: {@code L2R}, {@code infill}, {@code infill-line}. */
    public String title() {
        return this == L2R ? "L2R" : label();
    }

    @Override
    public String toString() {
        return label();
    }

    public static EvalMode fromLabel(String label) {
        return Choice.of(EvalMode.class, "mode", label);
    }
}
