package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a training data source's documents come from ({@code data.sources[].kind}). */
public enum SourceKind implements Choice {
    /** The generated desk suite's Python functions. */
    DESK_PL("desk-pl"),
    /** The generated desk suite's English prose. */
    DESK_NL("desk-nl"),
    /** A directory or glob of code and text files. */
    FILES("files"),
    /** JSON lines, optionally gzipped; the text in {@code text_field}. */
    JSONL("jsonl");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** A desk-suite corpus, generated from {@code data.desk_seed} rather than read from a path. */
    public boolean isGenerated() {
        return this == DESK_PL || this == DESK_NL;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The constant labelled {@code label}; a {@link ConfigException} naming {@code data.sources[].kind} otherwise. */
    public static SourceKind fromLabel(String label) {
        return Choice.of(SourceKind.class, "data.sources[].kind", label);
    }
}
