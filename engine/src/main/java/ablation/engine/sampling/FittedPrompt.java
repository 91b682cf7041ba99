package ablation.engine.sampling;

/**
 * A prompt as fed to the model.
 *
 * @param ids its tokens
 * @param trimmed whether text was cut to fit the context ({@link PromptFormat#fit})
 * @param wholeLength tokens of the untrimmed prompt
 */
public record FittedPrompt(int[] ids, boolean trimmed, int wholeLength) {}
