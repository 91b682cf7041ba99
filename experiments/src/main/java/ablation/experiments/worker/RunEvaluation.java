package ablation.experiments.worker;

import ablation.core.config.EvalConfig;
import ablation.core.stats.PassAtKEstimate;
import ablation.core.stats.ProblemCount;
import ablation.engine.eval.model.CheckpointEvaluation;
import ablation.engine.eval.model.CheckpointReport;
import ablation.engine.eval.model.EvalMetrics;
import ablation.engine.eval.model.EvalResult;
import ablation.engine.eval.model.GeneratedSample;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.sampling.LoadedModel;
import ablation.engine.sampling.Sampler;
import ablation.storage.TrackingStore;
import ablation.storage.eval.Sample;
import ablation.storage.metric.MetricWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run measures after training, on its final checkpoint ({@link CheckpointEvaluation}): every
 * {@code eval} entry of its config and the L2R ceilings of its desk infill evaluations (per-problem
 * n and c with the samples and their finish reasons go to the store), and the scalar metrics of
 * {@link EvalMetrics} (bits per byte, the understanding test, trimmed prompts, finish reasons).
 * Recording replaces an earlier record of the same problem, so a resumed run simply evaluates again.
 */
public final class RunEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(RunEvaluation.class);

    private RunEvaluation() {}

    public static void run(TrackingStore store, long runId, Path runDir, MetricWriter metrics) {
        Sampler.useOneThread();
        try (LoadedModel loaded = LoadedModel.open(runDir)) {
            long seed = loaded.config().train().seed();
            CheckpointReport report = CheckpointEvaluation.run(
                    loaded,
                    loaded.config().eval(),
                    new CheckpointEvaluation.Options(seed, SandboxOptions.defaults(), true, true, true),
                    new Logging());
            List<EvalResult> evaluations = report.allEvaluations();
            List<String> names = report.storedNames();
            for (int i = 0; i < evaluations.size(); i++) {
                record(store, runId, report.step(), names.get(i), evaluations.get(i));
            }
            report.metrics().forEach((key, value) -> metrics.log(key, report.step(), value));
            report.bitsPerByte().forEach((source, value) -> LOG.info("bits per byte of {}: {}", source, format(value)));
            if (report.lastWord() != null) {
                LOG.info(
                        "last word: {} over {} items",
                        report.lastWord().accuracy().format(3),
                        report.lastWord().items());
            }
            if (report.understanding() != null) {
                LOG.info(
                        "understanding: {} over {} pairs",
                        report.understanding().accuracy().format(3),
                        report.understanding().pairs());
            }
            metrics.flush();
        }
    }

    /** Logs each evaluation's pass@k, trimmed prompts and finish reasons. */
    private static final class Logging implements CheckpointEvaluation.Listener {
        @Override
        public void evaluating(EvalConfig eval, int problems) {
            LOG.info("evaluating {} ({}): {} problems, n = {}", eval.benchmark(), eval.mode(), problems, eval.n());
        }

        @Override
        public void evaluated(EvalResult result) {
            EvalConfig eval = result.config();
            for (PassAtKEstimate estimate : result.passAtK()) {
                LOG.info(
                        "{} ({}) pass@{} = {} [{}, {}]",
                        eval.benchmark(),
                        eval.mode(),
                        estimate.k(),
                        format(estimate.value()),
                        format(estimate.low()),
                        format(estimate.high()));
            }
            LOG.info(
                    "{} ({}): {} prompts trimmed, {} could not fit; finishes {}",
                    eval.benchmark(),
                    eval.mode(),
                    result.trimmedPrompts().size(),
                    result.unfitProblems().size(),
                    result.finishes());
        }

        @Override
        public void measuring(String what) {
            LOG.info("measuring {}", what);
        }
    }

    /** Per problem: n, c and the samples with their verdicts and finish reasons, under the evaluation's stored name. */
    private static void record(TrackingStore store, long runId, long step, String benchmark, EvalResult result) {
        EvalConfig eval = result.config();
        Map<String, List<GeneratedSample>> byProblem = new LinkedHashMap<>();
        for (GeneratedSample sample : result.samples()) {
            byProblem
                    .computeIfAbsent(sample.scored().sample().taskId(), id -> new ArrayList<>())
                    .add(sample);
        }
        for (ProblemCount count : result.counts()) {
            List<Sample> samples = new ArrayList<>();
            int index = 0;
            for (GeneratedSample generated : byProblem.getOrDefault(count.taskId(), List.of())) {
                samples.add(new Sample(
                        index++,
                        generated.scored().sample().completion(),
                        generated.scored().result().outcome().label(),
                        generated.scored().result().error(),
                        generated.finish().label()));
            }
            store.evaluations()
                    .record(
                            new ablation.storage.eval.EvalResult(
                                    runId,
                                    step,
                                    benchmark,
                                    eval.mode().label(),
                                    count.taskId(),
                                    count.n(),
                                    count.correct()),
                            samples);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
