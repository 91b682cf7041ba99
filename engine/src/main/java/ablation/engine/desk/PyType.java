package ablation.engine.desk;

/**
 * The Python value types that flow between the steps of a generated function. Java holds them as
 * {@code Long}, {@code Boolean}, {@code String}, {@code List<Object>} and {@code LinkedHashMap<Object, Long>}
 * (see {@link PyLiterals}).
 */
enum PyType {
    INT("int"),
    BOOL("bool"),
    STR("str"),
    INTS("list[int]"),
    STRS("list[str]"),
    /** A dictionary from integer values to how often they occur. */
    INT_COUNTS("dict[int, int]"),
    /** A dictionary from strings (words or characters) to how often they occur. */
    STR_COUNTS("dict[str, int]"),
    /** Two integer arguments, combined by the first step. */
    INT_PAIR("int");

    private final String hint;

    PyType(String hint) {
        this.hint = hint;
    }

    /** The type annotation written in a signature. */
    String hint() {
        return hint;
    }
}
