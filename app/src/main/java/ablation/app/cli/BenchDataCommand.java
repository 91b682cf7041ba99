package ablation.app.cli;

import ablation.engine.config.ConfigLoader;
import ablation.engine.config.RunConfig;
import ablation.engine.data.DataBench;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench data}: tokenization throughput into the cache, and batch assembly time as
 * a fraction of a desk-small training step (target under 2%).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Tokenization throughput and batch assembly time per desk-small training step.")
public final class BenchDataCommand implements Callable<Integer> {
    /** Seconds per desk-small step on a 2-core CPU, measured in notes/djl.md (the model package is not in this build). */
    static final double DESK_SMALL_STEP_S = 1.08;
    static final double TARGET_FRACTION = 0.02;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--mb", defaultValue = "8", description = "Megabytes of desk text to tokenize (default ${DEFAULT-VALUE}).")
    double megabytes;

    @Option(names = "--steps", defaultValue = "100", description = "Desk-small steps of batches to assemble (default ${DEFAULT-VALUE}).")
    int steps;

    @Override
    public Integer call() throws Exception {
        RunConfig deskSmall = ConfigLoader.parse(DataBench.DESK_SMALL);
        Map<String, Object> result = new LinkedHashMap<>();
        try (Tokenizer tokenizer = new ByteTokenizer(deskSmall.tokenizer().maskTokens())) {
            int threads = Runtime.getRuntime().availableProcessors();
            DataBench.Tokenization tokenization = DataBench.tokenize(tokenizer, megabytes, threads);
            double batchSeconds = DataBench.secondsPerStep(deskSmall, tokenizer, steps);
            result.put("tokenize_mb_per_s", round(tokenization.megabytesPerSecond()));
            result.put("tokenize_mb", round(tokenization.megabytes()));
            result.put("tokenize_threads", threads);
            result.put("tokenizer", "bytes (the BPE tokenizer is not in this build)");
            result.put("batch_s", batchSeconds);
            result.put("step_s", DESK_SMALL_STEP_S);
            result.put("step_s_source", "notes/djl.md: 1.08 s per desk-small step on 2 cores (the model package is not in this build)");
            result.put("batch_fraction", batchSeconds / DESK_SMALL_STEP_S);
            result.put("batch_fraction_target", TARGET_FRACTION);
            result.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigLoader.JSON.writeValueAsString(result));
        } else {
            result.forEach((key, value) -> out.printf("%-22s %s%n", key, value));
        }
        out.flush();
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
