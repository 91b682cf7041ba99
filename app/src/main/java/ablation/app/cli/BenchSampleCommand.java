package ablation.app.cli;

import ablation.engine.sampling.SampleBenchmark;
import ablation.engine.sampling.Sampler;
import ablation.engine.train.TrainBenchmark;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench bench sample}: tokens/s of KV-cached batched sampling against uncached, on a random model. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description =
                "Measure sampling speed on one intra-op thread, as evaluation samples: KV-cached batched sampling "
                        + "against re-feeding the whole sequence (random model).")
public final class BenchSampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--preset",
            defaultValue = "desk-small",
            description = "Model shape to measure: ${COMPLETION-CANDIDATES}.",
            completionCandidates = BenchTrainCommand.Presets.class)
    String preset;

    @Option(
            names = "--n",
            defaultValue = "20",
            description = "Samples of the prompt, one batch (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--prompt-tokens", defaultValue = "64", description = "Prompt length (default ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(
            names = "--new-tokens",
            defaultValue = "128",
            description = "Tokens generated per sample (default ${DEFAULT-VALUE}).")
    int newTokens;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Sampler.useOneThread(); // as workbench eval and the worker sample
        SampleBenchmark.Result r = SampleBenchmark.run(TrainBenchmark.preset(preset), n, promptTokens, newTokens);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(
                    Locale.ROOT,
                    "{\"preset\": \"%s\", \"n\": %d, \"prompt_tokens\": %d, \"new_tokens\": %d, "
                            + "\"cached_tokens_per_s\": %.1f, \"uncached_tokens_per_s\": %.1f, \"speedup\": %.2f, \"host_sampling_share\": %.4f}%n",
                    r.preset(),
                    r.n(),
                    r.promptTokens(),
                    r.newTokens(),
                    r.cachedTokensPerSecond(),
                    r.uncachedTokensPerSecond(),
                    r.speedup(),
                    r.hostShare());
        } else {
            out.printf(
                    Locale.ROOT,
                    "preset %s: %d samples x %d new tokens after a %d-token prompt%n",
                    r.preset(),
                    r.n(),
                    r.newTokens(),
                    r.promptTokens());
            out.printf(Locale.ROOT, "  cached   %,10.1f tokens/s%n", r.cachedTokensPerSecond());
            out.printf(Locale.ROOT, "  uncached %,10.1f tokens/s%n", r.uncachedTokensPerSecond());
            out.printf(
                    Locale.ROOT,
                    "  speedup %.1fx; choosing tokens on the host takes %.1f%% of the cached time%n",
                    r.speedup(),
                    100 * r.hostShare());
        }
        out.flush();
        return 0;
    }
}
