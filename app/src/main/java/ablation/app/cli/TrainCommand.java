package ablation.app.cli;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.TerminalProgress;
import ablation.experiments.worker.RunExecution;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench train FILE}: one run, in the foreground, resumable. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train one run from a run config (YAML or JSON). Running it again on the same --out resumes it.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "run config, e.g. sample-configs/quick-train.yaml")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "run directory (checkpoints, tokenizer); default runs/<name>")
    Path out;

    @Override
    public Integer call() {
        RunConfig config = ConfigLoader.load(file);
        Path runDir = out != null ? out : Path.of("runs", config.name());
        System.err.println("train: " + config.name() + " -> " + runDir.toAbsolutePath());
        long step = RunExecution.train(config, runDir, MetricsSink.NONE, TerminalProgress.stderr());
        System.err.println("train: done at step " + step + "; checkpoints in " + runDir.resolve("checkpoints"));
        return 0;
    }
}
