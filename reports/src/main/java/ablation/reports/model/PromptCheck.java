package ablation.reports.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the prompts and samples of one evaluation of a run went: prompts trimmed to fit the context,
 * prompts that could not fit (their problems count as failed), and samples per finish reason.
 *
 * @param mode as stored: {@code l2r}, {@code infill} or {@code infill-line}
 * @param finishes samples per reason ({@code stop_token}, {@code stop_sequence}, {@code length}, {@code prompt_too_long})
 */
public record PromptCheck(String benchmark, String mode, int trimmed, int unfit, Map<String, Integer> finishes) {
    public PromptCheck {
        finishes = new TreeMap<>(finishes);
    }
}
