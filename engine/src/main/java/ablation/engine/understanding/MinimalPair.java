package ablation.engine.understanding;

/**
 * A held-out function's prompt with two bodies: its canonical one, and a mutant that compiles but
 * fails the function's tests.
 *
 * @param prompt signature and docstring (with doctest examples)
 * @param kind what the mutation changed ({@code operator}, {@code comparison}, {@code constant}, {@code swapped_arguments})
 * @param program the canonical body's normal form ({@code BodyNormalizer}): pairs of one program are
 *     not independent (the desk suite renders a program many times), so intervals resample programs
 */
public record MinimalPair(String taskId, String prompt, String body, String mutant, String kind, String program) {}
