package ablation.core.config;

import java.util.List;

/**
 * One evaluation of a run: sample {@code n} completions per problem of a benchmark, execute them,
 * and report pass@k for each k.
 *
 * @param benchmark {@code desk-l2r}, {@code desk-infill}, or a path to a HumanEval(-Infilling) JSONL file
 * @param mode left-to-right, infill ({@code <eom>} ends the middle) or single-line infill
 * @param temperature 0 means greedy
 */
public record EvalConfig(
        String benchmark,
        EvalMode mode,
        int n,
        List<Integer> k,
        double temperature,
        double topP,
        int topK,
        int maxNewTokens,
        int problems,
        double timeout) {
    public EvalConfig {
        Check.present("eval[].benchmark", benchmark);
        String at = "eval[" + benchmark + "]";
        Check.present(at + ".mode", mode);
        Check.positive(at + ".n", n);
        if (k == null || k.isEmpty()) throw new ConfigException(at + ".k", k, "needs at least one k");
        k = List.copyOf(k);
        for (int each : k) {
            if (each < 1 || each > n)
                throw new ConfigException(at + ".k", each, "each k must be between 1 and n = " + n);
        }
        Check.nonNegative(at + ".temperature", temperature);
        if (!(topP > 0 && topP <= 1)) throw new ConfigException(at + ".top_p", topP, "must be in (0, 1]");
        Check.nonNegative(at + ".top_k", topK);
        Check.positive(at + ".max_new_tokens", maxNewTokens);
        Check.nonNegative(at + ".problems", problems);
        Check.positive(at + ".timeout", timeout);
    }
}
