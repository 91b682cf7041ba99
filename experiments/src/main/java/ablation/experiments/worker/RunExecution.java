package ablation.experiments.worker;

import ablation.core.config.RunConfig;
import ablation.core.spec.GridExpander;
import ablation.engine.data.DataPipeline;
import ablation.engine.data.MixtureStream;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.engine.train.MemoryBudget;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.engine.train.Trainer;
import ablation.engine.train.TrainingJob;
import ablation.experiments.preflight.Preflight;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run from config to trained checkpoint: the tokenizer (trained on a sample of the run's data,
 * or loaded), the data pipeline, and the trainer, which resumes from the newest checkpoint in the
 * run directory. Shared by {@code workbench train} and the study worker.
 */
public final class RunExecution {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private RunExecution() {}

    /**
     * Trains (or finishes training) the run in {@code runDir}; returns the final step. A run whose
     * benchmark files are missing or whose model does not fit this machine fails before anything is written.
     */
    public static long train(RunConfig config, Path runDir, MetricsSink metrics, ProgressListener progress) {
        Preflight.check(config, GridExpander.vocabSize(config), MemoryBudget.ofThisMachine());
        try (BpeTokenizer tokenizer = tokenizer(config)) {
            Path tokenizerJson = runDir.resolve("tokenizer.json");
            tokenizer.save(tokenizerJson);
            DataPipeline data =
                    DataPipeline.prepare(config, tokenizer, config.train().seed());
            data.describe().forEach(line -> LOG.info("data: {}", line));
            try (MixtureStream stream = data.stream();
                    Trainer trainer = Trainer.open(
                            new TrainingJob(config, tokenizer.vocabSize(), stream, runDir, tokenizerJson))) {
                trainer.train(
                        metrics,
                        withDataMetrics(
                                progress, stream, metrics, config.train().logEvery()));
                return trainer.step();
            }
        }
    }

    /**
     * Also records, every {@code logEvery} steps and at the last, the epochs consumed per source and
     * the realised objective fractions ({@code data/epochs/<source>}, {@code data/objective/<name>}).
     * They are recorded before the step's checkpoint, so a resume keeps them without gaps.
     */
    private static ProgressListener withDataMetrics(
            ProgressListener progress, MixtureStream stream, MetricsSink metrics, int logEvery) {
        return new ProgressListener() {
            @Override
            public void onStep(Progress step) {
                progress.onStep(step);
                if (step.step() % logEvery == 0 || step.step() == step.steps()) {
                    stream.metrics().forEach((key, value) -> metrics.record(key, step.step(), value));
                }
            }

            @Override
            public void onCheckpoint(long step, Path directory) {
                progress.onCheckpoint(step, directory);
            }
        };
    }

    /** The run's tokenizer: loaded from {@code tokenizer.path}, or trained once per data sample and cached. */
    public static BpeTokenizer tokenizer(RunConfig config) {
        long sampleBytes = config.tokenizer().train() == null
                ? 0
                : (long) (config.tokenizer().train().sampleMb() * 1e6);
        Path cache = config.data().cacheDirectory().resolve("tokenizers");
        return Tokenizers.forConfig(
                config.tokenizer(),
                () -> StreamSupport.stream(
                        DataPipeline.corpusSample(config.data(), sampleBytes).spliterator(), false),
                cache);
    }
}
