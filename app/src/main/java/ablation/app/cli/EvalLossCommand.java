package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.engine.train.Checkpoint;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench eval-loss}: the mean per-token loss of a text under a checkpoint. */
@Command(
        name = "eval-loss",
        mixinStandardHelpOptions = true,
        description =
                "Print the mean per-token loss (nats), bits per token and perplexity of a text under a checkpoint.")
public final class EvalLossCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            description =
                    "A checkpoint directory (checkpoints/step-N), or a run directory (its newest complete checkpoint).")
    Path checkpoint;

    @Option(names = "--text", required = true, description = "A UTF-8 text file.")
    Path text;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(text)) throw new WorkbenchException("--text " + text + ": no such file");
        Checkpoint source = Checkpoint.resolve(checkpoint);
        Path tokenizerJson = source.tokenizer()
                .orElseThrow(() -> new WorkbenchException(source.directory()
                        + ": the checkpoint has no tokenizer.json, so its text cannot be tokenized"));
        int[] ids;
        try (BpeTokenizer tokenizer = Tokenizers.load(tokenizerJson)) {
            ids = tokenizer.encode(Files.readString(text));
        }
        int vocab = source.state().vocabSize();
        if (Arrays.stream(ids).anyMatch(id -> id >= vocab)) {
            throw new WorkbenchException(tokenizerJson + ": produces ids beyond the model's vocabulary of " + vocab);
        }
        if (ids.length < 2)
            throw new WorkbenchException("--text " + text + ": needs at least two tokens, has " + ids.length);
        double loss;
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel model = source.loadModel(manager)) {
            loss = model.meanTokenLoss(ids);
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d tokens, mean loss %.4f nats/token (%.4f bits/token, perplexity %.2f)%n",
                text,
                ids.length,
                loss,
                loss / Math.log(2),
                Math.exp(loss));
        return 0;
    }
}
