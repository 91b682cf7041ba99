package ablation.engine.eval.model;

import ablation.core.metric.MetricKeys;
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
 *   eval/bpb/SOURCE                             held-out bits per byte of a data source
 *   eval/prompts_trimmed/BENCHMARK/MODE         problems whose prompt was trimmed to fit the context
 *   eval/prompts_unfit/BENCHMARK/MODE           problems whose prompt could not fit: counted as failed
 *   eval/finish/REASON/BENCHMARK/MODE           samples that ended by REASON: stop_token, stop_sequence,
 *                                               length, prompt_too_long
 * </pre>
 */
public final class EvalMetrics {
    public static final String PREFIX = MetricKeys.EVAL_PREFIX;
    public static final String UNDERSTANDING = MetricKeys.UNDERSTANDING;
    public static final String UNDERSTANDING_LOW = MetricKeys.UNDERSTANDING_LOW;
    public static final String UNDERSTANDING_HIGH = MetricKeys.UNDERSTANDING_HIGH;
    public static final String UNDERSTANDING_PAIRS = MetricKeys.UNDERSTANDING_PAIRS;
    public static final String UNDERSTANDING_PROGRAMS = MetricKeys.UNDERSTANDING_PROGRAMS;
    /** Followed by the source name. */
    public static final String BITS_PER_BYTE = MetricKeys.BITS_PER_BYTE_PREFIX;
    /** Followed by {@code BENCHMARK/MODE}. */
    public static final String PROMPTS_TRIMMED = MetricKeys.PROMPTS_TRIMMED_PREFIX;
    /** Followed by {@code BENCHMARK/MODE}. */
    public static final String PROMPTS_UNFIT = MetricKeys.PROMPTS_UNFIT_PREFIX;
    /** Followed by {@code REASON/BENCHMARK/MODE}. */
    public static final String FINISH = MetricKeys.FINISH_PREFIX;
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
            metrics.put(UNDERSTANDING, report.understanding().accuracy().value());
            metrics.put(UNDERSTANDING_LOW, report.understanding().accuracy().low());
            metrics.put(UNDERSTANDING_HIGH, report.understanding().accuracy().high());
            metrics.put(UNDERSTANDING_PAIRS, (double) report.understanding().pairs());
            metrics.put(UNDERSTANDING_PROGRAMS, (double) report.understanding().programs());
        }
        new TreeMap<>(report.bitsPerByte()).forEach((source, value) -> metrics.put(BITS_PER_BYTE + source, value));
        List<String> names = report.storedNames();
        for (int i = 0; i < report.evaluations().size(); i++) {
            metrics.putAll(of(report.evaluations().get(i), names.get(i)));
        }
        return metrics;
    }

    /** The prompt and finish counts of one evaluation, every finish reason included (zeros too). */
    public static Map<String, Double> of(EvalResult result) {
        return of(result, result.config().benchmark());
    }

    /** As {@link #of(EvalResult)}, keyed by the name the evaluation is stored under. */
    static Map<String, Double> of(EvalResult result, String storedName) {
        String where = storedName + "/" + result.config().mode();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(PROMPTS_TRIMMED + where, (double) result.trimmedPrompts().size());
        metrics.put(PROMPTS_UNFIT + where, (double) result.unfitProblems().size());
        for (Completion.Finish finish : Completion.Finish.values()) {
            metrics.put(FINISH + finish.label() + "/" + where, (double)
                    result.finishes().getOrDefault(finish, 0));
        }
        return metrics;
    }
}
