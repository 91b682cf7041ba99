package ablation.engine.config;

import java.util.List;

/**
 * One evaluation of a run: sample {@code n} completions per problem of a benchmark, execute them,
 * and report pass@k for each k.
 *
 * @param benchmark {@code desk-l2r}, {@code desk-infill}, or a path to a HumanEval(-Infilling) JSONL file
 * @param mode {@code l2r}, {@code infill} (ends at {@code <eom>}) or {@code infill-line} (also ends after the first newline)
 * @param temperature 0 means greedy
 */
public record EvalConfig(String benchmark, String mode, int n, List<Integer> k, double temperature,
                         double topP, int topK, int maxNewTokens, int problems, double timeout) {
    public EvalConfig {
        Check.present("eval[].benchmark", benchmark);
        String at = "eval[" + benchmark + "]";
        Check.oneOf(at + ".mode", mode, "l2r", "infill", "infill-line");
        Check.positive(at + ".n", n);
        if (k == null || k.isEmpty()) throw new ConfigException(at + ".k", k, "needs at least one k");
        k = List.copyOf(k);
        for (int each : k) {
            if (each < 1 || each > n) throw new ConfigException(at + ".k", each, "each k must be between 1 and n = " + n);
        }
        Check.nonNegative(at + ".temperature", temperature);
        if (!(topP > 0 && topP <= 1)) throw new ConfigException(at + ".top_p", topP, "must be in (0, 1]");
        Check.nonNegative(at + ".top_k", topK);
        Check.positive(at + ".max_new_tokens", maxNewTokens);
        Check.nonNegative(at + ".problems", problems);
        Check.positive(at + ".timeout", timeout);
    }
}
