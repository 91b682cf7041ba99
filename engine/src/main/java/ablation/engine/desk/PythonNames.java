package ablation.engine.desk;

import java.util.Set;

/** Python's keywords and the builtins generated code uses: never chosen as names, never renamed. */
final class PythonNames {
    private PythonNames() {}

    static final Set<String> RESERVED = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            "abs", "all", "any", "bool", "dict", "enumerate", "filter", "int", "len", "list", "map", "max", "min", "print",
            "range", "reversed", "set", "sorted", "str", "sum", "tuple", "zip", "type", "id", "iter", "next", "round",
            "divmod", "pow", "input", "open", "object", "format", "hash", "ord", "chr", "float", "isinstance");
}
