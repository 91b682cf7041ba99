/**
 * The desk suite: generated training corpora and held-out benchmarks small enough for a laptop CPU,
 * deterministic from a seed (docs/ARCHITECTURE.md, The desk suite).
 *
 * <p>How a desk-pl function is made:
 * <ol>
 *   <li>{@link ablation.engine.desk.ProgramSampler} draws a {@code Program}: an input type and 1..max_steps
 *       {@code Fragment}s from the grammar in {@code Fragments} (filters, maps, reductions, string and word
 *       operations, arithmetic, counting dictionaries, conditionals), each with its constant, some
 *       constants lifted into parameters;</li>
 *   <li>{@code HeldOut} hashes the program's normalised canonical body: one program in 16 belongs to the
 *       benchmarks, the rest to training, whatever the seed or difficulty;</li>
 *   <li>{@code Inputs} draws arguments and computes results in Java with Python's semantics, keeping only
 *       programs whose results vary (so that tests catch wrong bodies);</li>
 *   <li>{@code FunctionWriter} writes the function: names, a docstring that describes the steps in
 *       order (with doctest examples), and one statement or loop per step.</li>
 * </ol>
 * {@link ablation.engine.desk.DeskCorpus} streams training documents (and desk-nl prose from {@code Prose}
 * over {@code Lexicon}); {@link ablation.engine.desk.DeskBenchmarks} builds desk-l2r and desk-infill;
 * {@link ablation.engine.desk.DeskSuite} writes everything to files; {@link ablation.core.config.DeskDifficulty}
 * holds the knobs.
 */
package ablation.engine.desk;
