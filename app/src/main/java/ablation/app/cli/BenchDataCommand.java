package ablation.app.cli;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.data.DataBench;
import ablation.engine.data.DataPipeline;
import ablation.engine.tokenizer.Tokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.engine.train.TrainBenchmark;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench data}: tokenization throughput into the cache with the desk-small BPE
 * tokenizer, and batch assembly time as a fraction of a desk-small training step (target under 2%),
 * the step measured in the same process.
 */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Tokenization throughput and batch assembly time per desk-small training step.")
public final class BenchDataCommand implements Callable<Integer> {
    /** Seconds per desk-small step on a 2-core CPU (docs/ARCHITECTURE.md, Engine notes), used with --train-steps 0. */
    static final double DOCUMENTED_STEP_S = 1.08;

    static final double TARGET_FRACTION = 0.02;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(
            names = "--mb",
            defaultValue = "8",
            description = "Megabytes of desk text to tokenize (default ${DEFAULT-VALUE}).")
    double megabytes;

    @Option(
            names = "--steps",
            defaultValue = "100",
            description = "Desk-small steps of batches to assemble (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--train-steps",
            defaultValue = "3",
            description =
                    "Desk-small training steps to time for the reference (default ${DEFAULT-VALUE}; 0: the documented 1.08 s).")
    int trainSteps;

    @Override
    public Integer call() throws Exception {
        RunConfig deskSmall = ConfigLoader.parse(DataBench.DESK_SMALL);
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> sample = new ArrayList<>();
        DataPipeline.corpusSample(deskSmall.data(), 2_000_000).forEach(sample::add);
        long start = System.nanoTime();
        try (Tokenizer tokenizer = Tokenizers.train(
                sample,
                deskSmall.tokenizer().train().vocabSize(),
                deskSmall.tokenizer().maskTokens())) {
            result.put(
                    "tokenizer",
                    "BPE, " + tokenizer.vocabSize() + " tokens, trained on 2 MB of desk text in "
                            + round((System.nanoTime() - start) / 1e9) + " s");
            int threads = Runtime.getRuntime().availableProcessors();
            DataBench.Tokenization tokenization = DataBench.tokenize(tokenizer, megabytes, threads);
            result.put("tokenize_mb_per_s", round(tokenization.megabytesPerSecond()));
            result.put("tokenize_mb", round(tokenization.megabytes()));
            result.put("tokenize_tokens_per_byte", round(tokenization.tokens() / (tokenization.megabytes() * 1e6)));
            result.put("tokenize_threads", threads);
            double batchSeconds = DataBench.secondsPerStep(deskSmall, tokenizer, steps);
            double stepSeconds = trainSteps > 0
                    ? TrainBenchmark.run(TrainBenchmark.preset("desk-small"), 1, trainSteps)
                            .secondsPerStep()
                    : DOCUMENTED_STEP_S;
            result.put("batch_s", batchSeconds);
            result.put("step_s", stepSeconds);
            result.put(
                    "step_s_source",
                    trainSteps > 0
                            ? "measured: " + trainSteps + " desk-small training steps (workbench bench train)"
                            : "docs/ARCHITECTURE.md: 1.08 s per desk-small step on 2 cores");
            result.put("batch_fraction", batchSeconds / stepSeconds);
            result.put("batch_fraction_target", TARGET_FRACTION);
            result.put(
                    "load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigLoader.JSON.writeValueAsString(result));
        } else {
            result.forEach((key, value) -> out.printf("%-26s %s%n", key, value));
        }
        out.flush();
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
