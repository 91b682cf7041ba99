package ablation.engine.desk;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated function in abstract form: the type of its data argument(s) and the steps applied to
 * it in order. Its parameters are the data argument(s) followed by the lifted constants, in step order.
 */
record Program(PyType input, List<Step> steps) {
    Program {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a program needs at least one step");
    }

    /** Number of data arguments: two for a pair of integers, else one. */
    int dataArity() {
        return input == PyType.INT_PAIR ? 2 : 1;
    }

    PyType output() {
        return steps.get(steps.size() - 1).fragment().out();
    }

    /** The types of all parameters, data first. */
    List<PyType> parameterTypes() {
        List<PyType> types = new ArrayList<>();
        for (int i = 0; i < dataArity(); i++) types.add(input == PyType.INT_PAIR ? PyType.INT : input);
        for (Step s : steps) if (s.lifted()) types.add(s.fragment().constant().type());
        return types;
    }

    /**
     * Computes the function's result in Java, with Python's semantics.
     *
     * @throws ArithmeticException when a value leaves the range the tests can use
     */
    Object run(List<Object> args) {
        Object value = input == PyType.INT_PAIR ? List.of(args.get(0), args.get(1)) : args.get(0);
        int next = dataArity();
        for (Step s : steps) {
            Object k = s.lifted() ? args.get(next++) : s.constant();
            value = s.fragment().semantics().apply(value, k);
        }
        return value;
    }
}
