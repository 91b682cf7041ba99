package ablation.engine.objective;

/** Accumulates a fixed-length example token by token, each marked scored or not. */
final class ExampleBuilder {
    private final int[] tokens;
    private final boolean[] scored;
    private int size;

    ExampleBuilder(int length) {
        tokens = new int[length];
        scored = new boolean[length];
    }

    int remaining() {
        return tokens.length - size;
    }

    void add(int token, boolean isScored) {
        tokens[size] = token;
        scored[size] = isScored && size > 0;
        size++;
    }

    void addAll(int[] ids, boolean isScored) {
        for (int id : ids) add(id, isScored);
    }

    /** Pulls plain tokens from {@code source} until the example is full. */
    void fill(TokenSource source, boolean isScored) {
        while (remaining() > 0) addAll(source.next(remaining()).tokens(), isScored);
    }

    Example build(int prefixLength) {
        if (size != tokens.length)
            throw new IllegalStateException("example has " + size + " of " + tokens.length + " tokens");
        return new Example(tokens, scored, prefixLength);
    }
}
