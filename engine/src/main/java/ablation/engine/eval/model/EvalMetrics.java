package ablation.engine.eval.model;

import ablation.core.metric.MetricKeys;
import ablation.core.stats.Estimate;
import ablation.engine.sampling.Completion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scalar metrics an evaluation of a checkpoint stores (pass@k itself is stored per problem as
 * (n, c), not as a scalar). Keys:
 * <pre>
 *   eval/understanding                          accuracy of the understanding test (0.5 = chance)
 *   eval/understanding_low, _high               its 95% bootstrap interval (resampling programs)
 *   eval/understanding_pairs                    pairs scored
 *   eval/understanding_programs                 distinct programs among them
 *   eval/lastword                               accuracy of the last-word test on held-out desk prose
 *   eval/lastword_low, _high                    its 95% bootstrap interval (resampling documents)
 *   eval/lastword_items, _documents             items scored and the documents they come from
 *   eval/bpb/SOURCE                             held-out bits per byte of a data source
 *   eval/prompts_trimmed/BENCHMARK/MODE         problems whose prompt was trimmed to fit the context
 *   eval/prompts_unfit/BENCHMARK/MODE           problems whose prompt could not fit: counted as failed
 *   eval/finish/REASON/BENCHMARK/MODE           samples that ended by REASON: stop_token, stop_sequence,
 *                                               length, prompt_too_long
 * </pre>
 */
public final class EvalMetrics {
    /** Joins the L2R benchmark and the infill benchmark whose problems its ceiling covers. */
    public static final String CEILING_SEPARATOR = "@";

    private EvalMetrics() {}

    /** {@code desk-l2r@desk-infill}: desk-l2r restricted to the problems desk-infill's tasks are cut from. */
    public static String ceilingBenchmark(String infillBenchmark) {
        return Benchmarks.DESK_L2R + CEILING_SEPARATOR + infillBenchmark;
    }

    static Map<String, Double> of(CheckpointReport report) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (report.understanding() != null) {
            putAccuracy(
                    metrics, MetricKeys.UNDERSTANDING, report.understanding().accuracy());
            metrics.put(MetricKeys.UNDERSTANDING_PAIRS, (double)
                    report.understanding().pairs());
            metrics.put(MetricKeys.UNDERSTANDING_PROGRAMS, (double)
                    report.understanding().programs());
        }
        if (report.lastWord() != null) {
            putAccuracy(metrics, MetricKeys.LAST_WORD, report.lastWord().accuracy());
            metrics.put(MetricKeys.LAST_WORD_ITEMS, (double) report.lastWord().items());
            metrics.put(
                    MetricKeys.LAST_WORD_DOCUMENTS, (double) report.lastWord().documents());
        }
        new TreeMap<>(report.bitsPerByte())
                .forEach((source, value) -> metrics.put(MetricKeys.BITS_PER_BYTE_PREFIX + source, value));
        List<String> names = report.storedNames();
        for (int i = 0; i < report.evaluations().size(); i++) {
            metrics.putAll(of(report.evaluations().get(i), names.get(i)));
        }
        return metrics;
    }

    /** An accuracy under {@code key} and its interval's bounds under {@link MetricKeys#low} and {@link MetricKeys#high}. */
    private static void putAccuracy(Map<String, Double> metrics, String key, Estimate accuracy) {
        metrics.put(key, accuracy.value());
        metrics.put(MetricKeys.low(key), accuracy.low());
        metrics.put(MetricKeys.high(key), accuracy.high());
    }

    /**
     * The prompt and finish counts of one evaluation, every finish reason included (zeros too), keyed
     * by the name the evaluation is stored under.
     */
    static Map<String, Double> of(EvalResult result, String storedName) {
        String where = storedName + "/" + result.config().mode();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(MetricKeys.PROMPTS_TRIMMED_PREFIX + where, (double)
                result.trimmedPrompts().size());
        metrics.put(MetricKeys.PROMPTS_UNFIT_PREFIX + where, (double)
                result.unfitProblems().size());
        for (Completion.Finish finish : Completion.Finish.values()) {
            metrics.put(MetricKeys.FINISH_PREFIX + finish.label() + "/" + where, (double)
                    result.finishes().getOrDefault(finish, 0));
        }
        return metrics;
    }
}
