package ablation.engine.eval;

import ablation.core.WorkbenchException;
import java.util.List;
import java.util.Locale;

/**
 * Left-to-right completion or infilling. The executed program is the same shape for both
 * ({@code prompt + completion + suffix + test + check(entry_point)}, the suffix being empty for L2R);
 * the mode decides where a raw model output ends.
 */
public enum EvalMode {
    /** Stop sequences of the Codex / CodeGen evaluations: the completion ends where the next top-level statement begins. */
    L2R(List.of("\ndef", "\nclass", "\nif", "\nprint", "\n#")),
    /** The model closes the middle with {@code <eom>}. */
    INFILL(List.of("<eom>"));

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

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvalMode fromLabel(String label) {
        for (EvalMode mode : values()) {
            if (mode.label().equals(label)) return mode;
        }
        throw new WorkbenchException("mode must be l2r or infill, not '" + label + "'");
    }
}
