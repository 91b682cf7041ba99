package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** The model's attention ({@code model.arch}); docs/ARCHITECTURE.md, The paper. */
public enum Arch implements Choice {
    /** Every position attends to the positions before it. */
    CAUSAL("causal"),
    /** Bidirectional attention over a per-sequence prefix, causal after it; no loss on the prefix. */
    PREFIX_LM("prefix_lm");

    private final String label;

    Arch(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The constant labelled {@code label}; a {@link ConfigException} naming {@code model.arch} otherwise. */
    public static Arch fromLabel(String label) {
        return Choice.of(Arch.class, "model.arch", label);
    }
}
