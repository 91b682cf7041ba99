package ablation.experiments.worker;

import ablation.core.config.EvalConfig;
import ablation.core.config.RunConfig;
import ablation.core.metric.MetricKeys;
import ablation.core.eval.StoredBenchmarks;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
import ablation.engine.data.DataPipeline;
import ablation.engine.desk.DeskBenchmarks;
import ablation.engine.eval.ScoredSample;
import ablation.engine.eval.model.BitsPerByte;
import ablation.engine.eval.model.EvalResult;
import ablation.engine.eval.model.Evaluator;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.probe.UnderstandingProbe;
import ablation.engine.sampling.LoadedModel;
import ablation.engine.sampling.Sampler;
import ablation.storage.TrackingStore;
import ablation.storage.eval.Sample;
import ablation.storage.metric.MetricWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run measures after training, on its final checkpoint: every {@code eval} entry of its
 * config (samples executed in the sandbox; per-problem n and c with the samples go to the store),
 * bits per byte of each source's held-out documents, and the understanding probe. Recording
 * replaces an earlier record of the same problem, so a resumed run simply evaluates again.
 */
public final class RunEvaluation {
    /** Metric key prefix of bits per byte, followed by the source name. */
    public static final String BITS_PER_BYTE = MetricKeys.BITS_PER_BYTE_PREFIX;
    public static final String PROBE_ACCURACY = MetricKeys.PROBE_ACCURACY;
    private static final Logger LOG = LoggerFactory.getLogger(RunEvaluation.class);

    private RunEvaluation() {}

    public static void run(TrackingStore store, long runId, Path runDir, MetricWriter metrics) {
        Sampler.useOneThread();
        try (LoadedModel loaded = LoadedModel.open(runDir)) {
            RunConfig config = loaded.config();
            long step = loaded.checkpoint().state().step();
            long seed = config.train().seed();
            Evaluator evaluator = new Evaluator(loaded.model(), loaded.tokenizer(), config);
            List<String> names = StoredBenchmarks.names(config.eval().stream()
                    .map(e -> new StoredBenchmarks.Entry(e.benchmark(), e.mode().label(), e.temperature())).toList());
            for (int i = 0; i < config.eval().size(); i++) {
                EvalConfig eval = config.eval().get(i);
                LOG.info("evaluating {} ({}, T = {}): n = {}", eval.benchmark(), eval.mode(), eval.temperature(),
                        eval.n());
                EvalResult result = evaluator.evaluate(eval, seed, SandboxOptions.defaults(), (sampled, executed, problems, tokens) -> { });
                record(store, runId, step, names.get(i), eval, result);
                for (PassAtKEstimate estimate : result.passAtK()) {
                    LOG.info("{} ({}) pass@{} = {} [{}, {}]", names.get(i), eval.mode(), estimate.k(),
                            String.format("%.3f", estimate.value()), String.format("%.3f", estimate.low()), String.format("%.3f", estimate.high()));
                }
            }
            Map<String, Double> bits = BitsPerByte.of(loaded.model(), loaded.tokenizer(),
                    DataPipeline.prepare(config, loaded.tokenizer(), seed).heldOut());
            bits.forEach((source, value) -> {
                metrics.log(BITS_PER_BYTE + source, step, value);
                LOG.info("bits per byte of {}: {}", source, String.format("%.4f", value));
            });
            try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults())) {
                var pairs = UnderstandingProbe.pairs(DeskBenchmarks.l2r(config.data().deskSeed(), UnderstandingProbe.DEFAULT_PROBLEMS, config.data().desk()), sandbox, seed);
                double accuracy = UnderstandingProbe.run(loaded.model(), loaded.tokenizer(), pairs, seed).accuracy();
                metrics.log(PROBE_ACCURACY, step, accuracy);
                LOG.info("understanding probe accuracy: {}", String.format("%.3f", accuracy));
            }
            metrics.flush();
        }
    }

    /** Per problem: n, c and the samples with their verdicts, under the evaluation's stored name. */
    private static void record(TrackingStore store, long runId, long step, String benchmark, EvalConfig eval,
            EvalResult result) {
        Map<String, List<ScoredSample>> byProblem = new LinkedHashMap<>();
        for (ScoredSample sample : result.samples()) {
            byProblem.computeIfAbsent(sample.sample().taskId(), id -> new ArrayList<>()).add(sample);
        }
        for (ProblemCount count : result.counts()) {
            List<Sample> samples = new ArrayList<>();
            int index = 0;
            for (ScoredSample scored : byProblem.getOrDefault(count.taskId(), List.of())) {
                samples.add(new Sample(index++, scored.sample().completion(), scored.result().outcome().label(), scored.result().error()));
            }
            store.evaluations().record(new ablation.storage.eval.EvalResult(runId, step, benchmark, eval.mode().label(),
                    count.taskId(), count.n(), count.correct()), samples);
        }
    }
}
