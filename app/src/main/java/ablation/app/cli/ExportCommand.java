package ablation.app.cli;

import ablation.engine.export.GptjExport;
import ablation.engine.train.Checkpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench export}: a checkpoint as Hugging Face GPT-J files. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Write a checkpoint as model.safetensors + config.json + tokenizer.json in the Hugging Face GPT-J layout.")
public final class ExportCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            description =
                    "A checkpoint directory (checkpoints/step-N), or a run directory (its newest complete checkpoint).")
    Path checkpoint;

    @Option(names = "--out", required = true, description = "Output directory (created if needed).")
    Path out;

    @Override
    public Integer call() {
        Checkpoint source = Checkpoint.resolve(checkpoint);
        List<Path> written = GptjExport.export(source, out);
        System.out.println(
                "exported " + source.directory() + " (step " + source.state().step() + ")");
        written.forEach(file -> System.out.println("  " + file));
        if (source.tokenizer().isEmpty()) System.out.println("  (the checkpoint has no tokenizer.json)");
        return 0;
    }
}
