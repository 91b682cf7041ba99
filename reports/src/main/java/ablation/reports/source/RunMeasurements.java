package ablation.reports.source;

import ablation.core.config.Choice;
import ablation.core.config.EvalMode;
import ablation.core.eval.StoredBenchmarks;
import ablation.core.metric.MetricKeys;
import ablation.core.stats.ProblemCount;
import ablation.reports.model.BitsPerByte;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.LossPoint;
import ablation.reports.model.PromptCheck;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.metric.MetricSummary;
import ablation.storage.metric.SeriesBucket;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** What one stored run measured, read from the store in the shapes the report uses. */
final class RunMeasurements {
    /** Loss curves are read downsampled by the store to at most this many points. */
    static final int MAX_LOSS_POINTS = 500;

    private RunMeasurements() {}

    /** A run's evaluation on one benchmark and mode at the checkpoint step it was taken. */
    record FinalEvaluation(long step, String mode, Evaluation evaluation) {}

    /**
     * Training loss against tokens ({@value MetricKeys#TRAIN_TOKENS} interpolated at each loss
     * point's step), or against steps when the run logged no tokens; non-finite losses left out.
     */
    static List<LossPoint> loss(TrackingStore store, long runId) {
        Optional<MetricSummary> summary = store.metrics().summary(runId, MetricKeys.TRAIN_LOSS);
        if (summary.isEmpty()) return List.of();
        long from = summary.get().firstStep();
        long to = summary.get().lastStep();
        TreeMap<Long, Double> tokens = new TreeMap<>();
        for (SeriesBucket b : store.metrics().series(runId, MetricKeys.TRAIN_TOKENS, MAX_LOSS_POINTS, from, to)) {
            if (Double.isFinite(b.last())) tokens.put(b.toStep(), b.last());
        }
        List<LossPoint> loss = new ArrayList<>();
        for (SeriesBucket b : store.metrics().series(runId, MetricKeys.TRAIN_LOSS, MAX_LOSS_POINTS, from, to)) {
            if (!Double.isFinite(b.last())) continue;
            long x = tokens.isEmpty() ? b.toStep() : Math.round(tokensAt(tokens, b.toStep()));
            loss.add(new LossPoint(Math.max(0, x), b.last()));
        }
        return loss;
    }

    /** Linear between the nearest logged steps; beyond them, at the nearest one's tokens per step. */
    private static double tokensAt(TreeMap<Long, Double> tokens, long step) {
        Map.Entry<Long, Double> below = tokens.floorEntry(step);
        Map.Entry<Long, Double> above = tokens.ceilingEntry(step);
        if (below != null && above != null) {
            if (below.getKey().equals(above.getKey())) return below.getValue();
            double t = (double) (step - below.getKey()) / (above.getKey() - below.getKey());
            return below.getValue() + t * (above.getValue() - below.getValue());
        }
        Map.Entry<Long, Double> nearest = below != null ? below : above;
        return nearest.getKey() == 0 ? nearest.getValue() : nearest.getValue() * step / nearest.getKey();
    }

    /**
     * Per benchmark and mode, the evaluation at the run's largest evaluated checkpoint step, with
     * the ks its config asks for that every problem can give (k <= n), or k = 1. Modes other than
     * {@code l2r}, {@code infill} and {@code infill-line} are skipped.
     */
    static List<FinalEvaluation> finalEvaluations(TrackingStore store, long runId, JsonNode config) {
        // (benchmark, mode) -> step -> the problems' results, both in order
        Map<List<String>, TreeMap<Long, List<EvalResult>>> byEvaluation = new TreeMap<>(
                Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        for (EvalResult r : store.evaluations().results(runId)) {
            byEvaluation
                    .computeIfAbsent(List.of(r.benchmark(), r.mode()), key -> new TreeMap<>())
                    .computeIfAbsent(r.checkpointStep(), step -> new ArrayList<>())
                    .add(r);
        }
        List<FinalEvaluation> evaluations = new ArrayList<>();
        for (TreeMap<Long, List<EvalResult>> steps : byEvaluation.values()) {
            List<EvalResult> last = steps.lastEntry().getValue();
            EvalResult any = last.get(0);
            EvalMode mode = mode(any.mode());
            if (mode == null) continue;
            int minN = last.stream().mapToInt(EvalResult::n).min().orElseThrow();
            List<JsonNode> entries = configured(config, any.benchmark(), any.mode());
            List<Integer> ks = entries.stream()
                    .flatMap(e ->
                            java.util.stream.StreamSupport.stream(e.path("k").spliterator(), false))
                    .map(JsonNode::asInt)
                    .filter(k -> k >= 1 && k <= minN)
                    .distinct()
                    .sorted()
                    .toList();
            double temperature = entries.stream()
                    .mapToDouble(e -> e.path("temperature").asDouble(Double.NaN))
                    .findFirst()
                    .orElse(Double.NaN);
            List<ProblemCount> problems = last.stream()
                    .map(r -> new ProblemCount(r.problem(), r.n(), r.c()))
                    .toList();
            evaluations.add(new FinalEvaluation(
                    steps.lastKey(),
                    any.mode(),
                    new Evaluation(any.benchmark(), mode, ks.isEmpty() ? List.of(1) : ks, problems, temperature)));
        }
        return evaluations;
    }

    static EvalMode mode(String stored) {
        return Choice.find(EvalMode.class, stored).orElse(null);
    }

    /** The config's eval entries that were stored under {@code benchmark} in {@code mode} (see {@link StoredBenchmarks}). */
    private static List<JsonNode> configured(JsonNode config, String benchmark, String mode) {
        List<JsonNode> entries = new ArrayList<>();
        config.path("eval").forEach(entries::add);
        List<String> names = StoredBenchmarks.names(entries.stream()
                .map(e -> new StoredBenchmarks.Entry(
                        e.path("benchmark").asText(),
                        e.path("mode").asText("l2r"),
                        e.path("temperature").asDouble(Double.NaN)))
                .toList());
        List<JsonNode> matching = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (names.get(i).equals(benchmark)
                    && entries.get(i).path("mode").asText("l2r").equals(mode)) matching.add(entries.get(i));
        }
        return matching;
    }

    /** The last value of every {@code eval/bpb/<source>} series, with the source's domain. */
    static List<BitsPerByte> bitsPerByte(List<MetricSummary> summaries, JsonNode config) {
        List<BitsPerByte> values = new ArrayList<>();
        for (MetricSummary s : summaries) {
            if (!s.key().startsWith(MetricKeys.BITS_PER_BYTE_PREFIX) || !Double.isFinite(s.last()) || s.last() < 0)
                continue;
            String source = s.key().substring(MetricKeys.BITS_PER_BYTE_PREFIX.length());
            Domain domain = SourceDomains.ofSource(config, source);
            values.add(new BitsPerByte(source, domain, s.last()));
        }
        return values;
    }

    /**
     * The last finite value of every other {@code eval/...} scalar (the understanding metric, ...), by
     * key; bits per byte have their own field.
     */
    static Map<String, Double> evalScalars(List<MetricSummary> summaries) {
        Map<String, Double> scalars = new TreeMap<>();
        for (MetricSummary s : summaries) {
            if (s.key().startsWith(MetricKeys.EVAL_PREFIX)
                    && !s.key().startsWith(MetricKeys.BITS_PER_BYTE_PREFIX)
                    && Double.isFinite(s.last())) {
                scalars.put(s.key(), s.last());
            }
        }
        return scalars;
    }

    /**
     * Per evaluation (benchmark and mode), the last values of {@code eval/prompts_trimmed/...},
     * {@code eval/prompts_unfit/...} and {@code eval/finish/REASON/...}, in benchmark and mode order.
     */
    static List<PromptCheck> promptChecks(List<MetricSummary> summaries) {
        Map<List<String>, int[]> prompts = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        Map<List<String>, Map<String, Integer>> finishes = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (MetricSummary s : summaries) {
            if (!Double.isFinite(s.last())) continue;
            int value = (int) Math.round(s.last());
            if (s.key().startsWith(MetricKeys.PROMPTS_TRIMMED_PREFIX)) {
                prompts.computeIfAbsent(
                                evaluation(s.key().substring(MetricKeys.PROMPTS_TRIMMED_PREFIX.length())),
                                k -> new int[2])[0] = value;
            } else if (s.key().startsWith(MetricKeys.PROMPTS_UNFIT_PREFIX)) {
                prompts.computeIfAbsent(
                                evaluation(s.key().substring(MetricKeys.PROMPTS_UNFIT_PREFIX.length())),
                                k -> new int[2])[1] = value;
            } else if (s.key().startsWith(MetricKeys.FINISH_PREFIX)) {
                String rest = s.key().substring(MetricKeys.FINISH_PREFIX.length());
                int slash = rest.indexOf('/');
                if (slash < 0) continue;
                finishes.computeIfAbsent(evaluation(rest.substring(slash + 1)), k -> new TreeMap<>())
                        .put(rest.substring(0, slash), value);
            }
        }
        List<PromptCheck> checks = new ArrayList<>();
        prompts.forEach((key, counts) -> checks.add(
                new PromptCheck(key.get(0), key.get(1), counts[0], counts[1], finishes.getOrDefault(key, Map.of()))));
        return checks;
    }

    /** {@code BENCHMARK/MODE} (the benchmark may be a path with slashes) → [benchmark, mode]. */
    private static List<String> evaluation(String benchmarkAndMode) {
        int slash = benchmarkAndMode.lastIndexOf('/');
        return slash < 0
                ? List.of(benchmarkAndMode, "")
                : List.of(benchmarkAndMode.substring(0, slash), benchmarkAndMode.substring(slash + 1));
    }

    private static OptionalDouble last(List<MetricSummary> summaries, String key) {
        return summaries.stream()
                .filter(s -> s.key().equals(key) && Double.isFinite(s.last()))
                .mapToDouble(MetricSummary::last)
                .findFirst();
    }
}
