package ablation.engine.desk;

/**
 * One step of a program: a fragment with its constant, which is either written as a literal or lifted
 * into a parameter of the function.
 *
 * @param constant the literal value ({@code Long} or {@code String}), or null when the fragment takes none
 * @param lifted the constant is a parameter: the caller passes it, the docstring names it
 */
record Step(Fragment fragment, Object constant, boolean lifted) {}
