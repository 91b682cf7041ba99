package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a FIM split point is drawn ({@code objective.fim_level}). */
public enum FimLevel implements Choice {
    /** Inside each document of the packed sequence. */
    DOCUMENT("document"),
    /** Anywhere in the packed sequence, across document boundaries. */
    CONTEXT("context");

    private final String label;

    FimLevel(String label) {
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

    /** The constant labelled {@code label}; a {@link ConfigException} naming {@code objective.fim_level} otherwise. */
    public static FimLevel fromLabel(String label) {
        return Choice.of(FimLevel.class, "objective.fim_level", label);
    }
}
