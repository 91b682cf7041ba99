package ablation.engine.sampling;

import ablation.core.WorkbenchException;
import ablation.core.config.RunConfig;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.engine.train.Checkpoint;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/**
 * A checkpoint opened for inference: its model with the trained parameters, its tokenizer and the
 * run's effective config (which says, e.g., how the model was taught to infill). Closing it frees
 * the model and the tokenizer.
 */
public final class LoadedModel implements AutoCloseable {
    private final Checkpoint checkpoint;
    private final NDManager manager;
    private final CodeGenModel model;
    private final BpeTokenizer tokenizer;

    private LoadedModel(Checkpoint checkpoint, NDManager manager, CodeGenModel model, BpeTokenizer tokenizer) {
        this.checkpoint = checkpoint;
        this.manager = manager;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** A checkpoint directory, or a run directory (its newest complete checkpoint). */
    public static LoadedModel open(Path checkpointOrRun) {
        Checkpoint checkpoint = Checkpoint.resolve(checkpointOrRun);
        Path tokenizerJson = checkpoint
                .tokenizer()
                .orElseThrow(() -> new WorkbenchException(checkpoint.directory()
                        + ": the checkpoint has no tokenizer.json, so prompts cannot be tokenized"));
        BpeTokenizer tokenizer = Tokenizers.load(tokenizerJson);
        if (tokenizer.vocabSize() > checkpoint.state().vocabSize()) {
            tokenizer.close();
            throw new WorkbenchException(tokenizerJson + ": " + tokenizer.vocabSize()
                    + " tokens, but the model has only " + checkpoint.state().vocabSize());
        }
        NDManager manager = NDManager.newBaseManager();
        try {
            return new LoadedModel(checkpoint, manager, checkpoint.loadModel(manager), tokenizer);
        } catch (RuntimeException e) { // any failure: release what was opened, then rethrow
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public RunConfig config() {
        return checkpoint.config();
    }

    public CodeGenModel model() {
        return model;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        model.close();
        manager.close();
        tokenizer.close();
    }
}
