package ablation.engine.train;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.config.TrainConfig;
import ablation.engine.data.Batch;
import ablation.engine.model.CodeGenModel;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: steps of {@code batch / micro_batch} micro-batches, the learning-rate
 * schedule, metrics, progress and checkpoints. Opening a trainer on a run directory that already
 * has checkpoints resumes exactly from the newest complete one (parameters, optimizer moments,
 * step, data position, random seed), so a killed run continues where it stopped.
 *
 * <pre>{@code
 * try (Trainer trainer = Trainer.open(new TrainingJob(config, tokenizer.vocabSize(), stream, runDir, tokenizerJson))) {
 *     trainer.train(metrics, new TerminalProgress(System.err));
 * }
 * }</pre>
 */
public final class Trainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** Config fields that may change between a checkpoint and its resumption. */
    private static final Set<String> MAY_CHANGE_ON_RESUME =
            Set.of("train.device", "train.checkpoint_every", "train.log_every");

    private final TrainingJob job;
    private final TrainConfig train;
    private final NDManager manager;
    private final CodeGenModel model;
    private final AdamW optimizer;
    private final TrainStep trainStep;
    private final LearningRateSchedule schedule;
    private final long steps;
    private long step;
    private long tokens;

    private Trainer(TrainingJob job) {
        this.job = job;
        this.train = job.config().train();
        this.steps = train.steps(job.config().model().context());
        this.schedule = LearningRateSchedule.of(train, steps);
        Checkpoint resumeFrom = Checkpoint.latest(job.runDir()).orElse(null);
        if (resumeFrom != null) checkCompatible(resumeFrom);
        manager = NDManager.newBaseManager(Devices.select(train.device()));
        try {
            model = new CodeGenModel(job.config().model(), job.vocabSize(), manager, train.seed());
            optimizer = new AdamW(model.parameters(), manager, train);
            trainStep = new TrainStep(model, optimizer, train.clip());
            if (resumeFrom != null) resume(resumeFrom);
        } catch (RuntimeException e) { // any failure: release what was opened, then rethrow
            manager.close();
            throw e;
        }
    }

    /** Builds the model and optimizer, resuming from the newest complete checkpoint in the run directory. */
    public static Trainer open(TrainingJob job) {
        return new Trainer(job);
    }

    /** Trains to the end of the token budget; the last step is checkpointed. */
    public void train(MetricsSink metrics, ProgressListener progress) {
        train(steps, metrics, progress);
    }

    /**
     * Trains until {@code untilStep} optimizer steps are done (at most the run's steps), then
     * writes a checkpoint, so a later {@link #open} continues from there.
     */
    public void train(long untilStep, MetricsSink metrics, ProgressListener progress) {
        long last = Math.min(untilStep, steps);
        if (step >= last) return;
        long windowStart = System.nanoTime();
        long windowTokens = 0;
        double tokensPerSecond = Double.NaN;
        while (step < last) {
            double lr = schedule.at(step);
            // Nothing in the step draws random numbers today; reseeding from (seed, step) keeps
            // anything that will (dropout, sampling) identical across a resume.
            int seed = Long.hashCode(train.seed() * 1_000_003L + step);
            List<Batch> microBatches = new ArrayList<>(train.accumulationSteps());
            for (int i = 0; i < train.accumulationSteps(); i++)
                microBatches.add(job.stream().next());
            TrainStep.Result result = NativeWork.call(() -> {
                Engine.getInstance().setRandomSeed(seed);
                return trainStep.run(microBatches, lr);
            });
            step++;
            tokens += result.tokens();
            windowTokens += result.tokens();
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            if (step % train.logEvery() == 0 || step == last) {
                tokensPerSecond = windowTokens / seconds;
                metrics.record(MetricsSink.TRAIN_LOSS, step, result.loss());
                metrics.record(MetricsSink.LEARNING_RATE, step, lr);
                metrics.record(MetricsSink.GRADIENT_NORM, step, result.gradientNorm());
                metrics.record(MetricsSink.TOKENS, step, tokens);
                metrics.record(MetricsSink.TOKENS_PER_SECOND, step, tokensPerSecond);
                windowStart = System.nanoTime();
                windowTokens = 0;
            }
            double speed = Double.isNaN(tokensPerSecond) ? windowTokens / seconds : tokensPerSecond;
            long remainingTokens = (steps - step) * (result.tokens());
            progress.onStep(
                    new ProgressListener.Progress(step, steps, result.loss(), speed, tokens, Duration.ofMillis((long)
                            (1000 * remainingTokens / Math.max(speed, 1e-9)))));
            if (!Double.isFinite(result.loss())) {
                metrics.flush();
                throw new WorkbenchException("training diverged at step " + step + " (loss " + result.loss()
                        + "); lower train.lr (" + train.lr() + ") or train.clip, or raise train.warmup");
            }
            if (step % train.checkpointEvery() == 0 || step == last) {
                // Metrics first: once checkpoint N exists, every point up to step N must be stored,
                // since a resume from N keeps the points up to N and writes the later ones again.
                metrics.flush();
                Path written = checkpoint();
                progress.onCheckpoint(step, written);
            }
        }
    }

    private Path checkpoint() {
        Checkpoint.State state = new Checkpoint.State(
                step, steps, tokens, train.seed(), job.vocabSize(), job.stream().state());
        Path written = NativeWork.call(
                () -> CheckpointWriter.write(job.runDir(), state, job.config(), model, optimizer, job.tokenizerJson()));
        LOG.info("checkpoint {} written", written);
        return written;
    }

    private void resume(Checkpoint checkpoint) {
        model.load(
                checkpoint.parameters(),
                checkpoint.directory().resolve(Checkpoint.MODEL).toString());
        optimizer.restore(checkpoint.state().step(), checkpoint.optimizerState());
        job.stream().restore(checkpoint.state().stream());
        step = checkpoint.state().step();
        tokens = checkpoint.state().tokens();
        LOG.info("resumed from {} at step {} of {}", checkpoint.directory(), step, steps);
    }

    /** The checkpoint must come from the same run: same vocabulary, same config but for the fields that may change. */
    private void checkCompatible(Checkpoint checkpoint) {
        if (checkpoint.state().vocabSize() != job.vocabSize()) {
            throw new WorkbenchException(checkpoint.directory() + ": checkpoint has a vocabulary of "
                    + checkpoint.state().vocabSize() + " tokens, this run's tokenizer has " + job.vocabSize());
        }
        List<String> differences = new ArrayList<>();
        diff("", tree(checkpoint.config()), tree(job.config()), differences);
        differences.removeIf(MAY_CHANGE_ON_RESUME::contains);
        if (!differences.isEmpty()) {
            throw new WorkbenchException(checkpoint.directory() + ": checkpoint was trained with a different config ("
                    + String.join(", ", differences) + " differ); use a new run directory, or restore the config");
        }
    }

    private static JsonNode tree(RunConfig config) {
        return ConfigLoader.JSON.valueToTree(config);
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> differences) {
        if (a instanceof ObjectNode objectA && b instanceof ObjectNode objectB) {
            Set<String> keys = new TreeSet<>();
            objectA.fieldNames().forEachRemaining(keys::add);
            objectB.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, objectA.path(key), objectB.path(key), differences);
            }
        } else if (!a.equals(b)) {
            differences.add(path);
        }
    }

    public CodeGenModel model() {
        return model;
    }

    /** Optimizer steps done. */
    public long step() {
        return step;
    }

    /** Optimizer steps of the whole run. */
    public long steps() {
        return steps;
    }

    @Override
    public void close() {
        NativeWork.run(manager::close);
    }
}
