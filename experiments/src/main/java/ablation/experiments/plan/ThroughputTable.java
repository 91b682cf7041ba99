package ablation.experiments.plan;

import ablation.core.config.ConfigLoader;
import ablation.core.config.ModelConfig;
import ablation.engine.train.TrainBenchmark;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training tokens/s of model shapes on this machine, measured once per (shape, vocabulary, micro
 * batch, threads) with a few timed steps and kept in {@code ~/.workbench/throughput.json}, so that
 * a study's dry run can say how long each run will take here.
 */
public final class ThroughputTable {
    private static final Logger LOG = LoggerFactory.getLogger(ThroughputTable.class);
    private final Path file;
    private final Map<String, Double> tokensPerSecond = new HashMap<>();

    public ThroughputTable(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                ConfigLoader.JSON
                        .readTree(file.toFile())
                        .fields()
                        .forEachRemaining(e ->
                                tokensPerSecond.put(e.getKey(), e.getValue().asDouble()));
            } catch (IOException e) {
                LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            }
        }
    }

    public static ThroughputTable atDefaultLocation() {
        return new ThroughputTable(Path.of(System.getProperty("user.home"), ".workbench", "throughput.json"));
    }

    /**
     * A micro-batch step above this many FLOPs (about a minute on a laptop CPU) is not timed here:
     * such a model is meant for a GPU cluster, and this machine's speed says nothing about it.
     */
    static final double MAX_TIMED_STEP_FLOPS = 5e12;

    /**
     * Training tokens/s of this shape here, measured (a few seconds) the first time it is asked
     * for; empty for models too large to time on this machine.
     */
    public OptionalDouble tokensPerSecond(ModelConfig model, int vocab, int microBatch) {
        double stepFlops = model.trainingFlopsPerToken(vocab, model.context()) * microBatch * model.context();
        if (stepFlops > MAX_TIMED_STEP_FLOPS) return OptionalDouble.empty();
        String key = model.arch() + " L" + model.layers() + " d" + model.dModel() + " h" + model.heads() + " r"
                + model.rotaryDim() + " T" + model.context() + " V" + vocab + " B" + microBatch + " threads"
                + System.getProperty("ai.djl.pytorch.num_threads", "?");
        Double known = tokensPerSecond.get(key);
        if (known != null) return OptionalDouble.of(known);
        LOG.info("measuring training speed of {} (a few seconds, once)", key);
        double measured = TrainBenchmark.run(new TrainBenchmark.Preset(key, model, vocab, microBatch), 1, 2)
                .tokensPerSecond();
        tokensPerSecond.put(key, measured);
        save();
        return OptionalDouble.of(measured);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            ObjectNode json = ConfigLoader.JSON.createObjectNode();
            tokensPerSecond.forEach(json::put);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json.toPrettyString());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save {}: {}", file, e.getMessage());
        }
    }
}
