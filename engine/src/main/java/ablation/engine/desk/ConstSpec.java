package ablation.engine.desk;

import java.util.ArrayList;
import java.util.List;

/**
 * The constant a fragment takes (a threshold, a factor, a character, a separator): the values it may have
 * and, when it may be lifted into a parameter of the function, the names that parameter may get.
 *
 * @param values the possible values ({@code Long} or {@code String}), sampled uniformly
 * @param paramNames names for the lifted parameter, most conventional first
 */
record ConstSpec(List<Object> values, List<String> paramNames, PyType type) {
    ConstSpec {
        values = List.copyOf(values);
        paramNames = List.copyOf(paramNames);
    }

    static ConstSpec ints(long from, long to, String... paramNames) {
        List<Object> values = new ArrayList<>();
        for (long v = from; v <= to; v++) values.add(v);
        return new ConstSpec(values, List.of(paramNames), PyType.INT);
    }

    static ConstSpec strs(List<String> values, String... paramNames) {
        return new ConstSpec(new ArrayList<>(values), List.of(paramNames), PyType.STR);
    }
}
