package ablation.engine.probe;

/**
 * A held-out function and a mutant of it that compiles but fails the function's tests.
 *
 * @param original the prompt (signature, docstring) and the canonical body
 * @param mutant the same with one mutation in the body
 */
public record FunctionPair(String taskId, String original, String mutant) {}
