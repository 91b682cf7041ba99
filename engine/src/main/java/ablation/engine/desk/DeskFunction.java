package ablation.engine.desk;

import ablation.engine.desk.Inputs.Case;
import java.util.List;

/**
 * A generated Python function.
 *
 * @param name the function's name (a benchmark's entry point)
 * @param prompt signature and docstring, ending in a newline (a HumanEval prompt)
 * @param body the indented body, each line ending in a newline (a HumanEval canonical solution)
 * @param cases inputs with the results the function returns on them (for tests and doctest examples)
 */
record DeskFunction(String name, String prompt, String body, Program program, List<Case> cases) {
    /** The whole function as source text. */
    String source() {
        return prompt + body;
    }
}
