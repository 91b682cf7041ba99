package ablation.app.cli;

import ablation.engine.train.TrainBenchmark;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench bench train}: training tokens/s, model FLOP/s and MFU against an on-the-spot GEMM rate. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Measure training speed and MFU (model FLOP/s over a 2048^3 fp32 matmul rate) on random tokens.")
public final class BenchTrainCommand implements Callable<Integer> {
    @Option(
            names = "--preset",
            defaultValue = "desk-small",
            description = "Model and batch to measure: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Presets.class)
    String preset;

    @Option(names = "--steps", defaultValue = "10", description = "Timed optimizer steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        TrainBenchmark.Result r = TrainBenchmark.run(TrainBenchmark.preset(preset), warmup, steps);
        if (json) {
            System.out.printf(
                    Locale.ROOT,
                    "{\"preset\": \"%s\", \"params\": %d, \"steps\": %d, \"seconds_per_step\": %.4f, "
                            + "\"tokens_per_s\": %.1f, \"model_gflops\": %.2f, \"gemm_gflops\": %.2f, \"mfu\": %.4f}%n",
                    r.preset(),
                    r.params(),
                    r.steps(),
                    r.secondsPerStep(),
                    r.tokensPerSecond(),
                    r.modelGflops(),
                    r.gemmGflops(),
                    r.mfu());
        } else {
            System.out.printf(
                    Locale.ROOT, "preset %s: %,d parameters, %d timed steps%n", r.preset(), r.params(), r.steps());
            System.out.printf(Locale.ROOT, "  %.3f s/step, %,.0f tokens/s%n", r.secondsPerStep(), r.tokensPerSecond());
            System.out.printf(
                    Locale.ROOT,
                    "  model %.1f GFLOP/s, GEMM %.1f GFLOP/s, MFU %.2f%n",
                    r.modelGflops(),
                    r.gemmGflops(),
                    r.mfu());
        }
        return 0;
    }

    /** The preset names, for help and completion. */
    static final class Presets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TrainBenchmark.PRESETS.keySet().iterator();
        }
    }
}
