package ablation.engine.train;

import ablation.core.WorkbenchException;
import ablation.core.config.Arch;
import ablation.core.config.ModelConfig;
import ablation.core.config.TrainConfig;
import ablation.engine.data.Batch;
import ablation.engine.model.CodeGenModel;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training speed as a ratio measured in one process: training tokens/s after warm-up, the model
 * FLOP/s that implies ({@link ModelConfig#trainingFlopsPerToken}), and the model FLOPs utilisation
 * (MFU) against an fp32 2048³ matmul timed on the spot through the same engine and threads.
 */
public final class TrainBenchmark {
    /** A model shape, vocabulary and batch to measure. */
    public record Preset(String name, ModelConfig model, int vocab, int batch) {}

    public static final Map<String, Preset> PRESETS = Map.of(
            "desk-small",
            new Preset("desk-small", new ModelConfig(Arch.CAUSAL, 4, 256, 4, 64, 256, 1e-5, 0.02), 4096, 16));

    /** What was measured; {@code mfu = modelGflops / gemmGflops}. */
    public record Result(
            String preset,
            long params,
            int steps,
            double secondsPerStep,
            double tokensPerSecond,
            double modelGflops,
            double gemmGflops,
            double mfu) {}

    private TrainBenchmark() {}

    public static Preset preset(String name) {
        Preset preset = PRESETS.get(name);
        if (preset == null)
            throw new WorkbenchException(
                    "--preset = '" + name + "': unknown; presets: " + String.join(", ", PRESETS.keySet()));
        return preset;
    }

    /** Times {@code steps} optimizer steps on random tokens after {@code warmup} untimed ones. */
    public static Result run(Preset preset, int warmup, int steps) {
        if (steps < 1) throw new WorkbenchException("--steps = " + steps + ": must be at least 1");
        ModelConfig model = preset.model();
        int length = model.context();
        TrainConfig train = new TrainConfig(
                (long) preset.batch() * length * (warmup + steps),
                preset.batch(),
                0,
                1e-4,
                0,
                1e-5,
                0.1,
                0.9,
                0.95,
                1e-8,
                1.0,
                1,
                "cpu",
                1000,
                1);
        SyntheticBatchStream stream = new SyntheticBatchStream(preset.vocab(), preset.batch(), length, 1, false);
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel network = new CodeGenModel(model, preset.vocab(), manager, train.seed());
                AdamW optimizer = new AdamW(network.parameters(), manager, train)) {
            TrainStep step = new TrainStep(network, optimizer, train.clip());
            for (int i = 0; i < warmup; i++) step.run(List.of(stream.next()), train.lr());
            List<Batch> batches = Stream.generate(stream::next).limit(steps).toList();
            long start = System.nanoTime();
            for (Batch batch : batches) step.run(List.of(batch), train.lr());
            double seconds = (System.nanoTime() - start) / 1e9;
            double tokensPerSecond = (double) preset.batch() * length * steps / seconds;
            double modelGflops = tokensPerSecond * model.trainingFlopsPerToken(preset.vocab(), length) / 1e9;
            double gemm = gemmGflops(manager, 2048, 3);
            return new Result(
                    preset.name(),
                    model.parameterCount(preset.vocab()),
                    steps,
                    seconds / steps,
                    tokensPerSecond,
                    modelGflops,
                    gemm,
                    modelGflops / gemm);
        }
    }

    /** The best of {@code tries} fp32 n×n by n×n matmuls, in GFLOP/s (2n³ FLOPs each). */
    static double gemmGflops(NDManager parent, int n, int tries) {
        try (NDManager manager = parent.newSubManager()) {
            Engine.getInstance().setRandomSeed(1);
            NDArray a = manager.randomNormal(0, 1, new Shape(n, n), DataType.FLOAT32);
            NDArray b = manager.randomNormal(0, 1, new Shape(n, n), DataType.FLOAT32);
            a.matMul(b).close(); // warm-up
            double best = Double.MAX_VALUE;
            for (int i = 0; i < tries; i++) {
                long start = System.nanoTime();
                NDArray product = a.matMul(b);
                product.getFloat(0, 0); // waits for the result on an asynchronous device
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                product.close();
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
