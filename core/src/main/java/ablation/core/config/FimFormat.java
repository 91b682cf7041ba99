package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a FIM example is laid out ({@code objective.fim_format}). */
public enum FimFormat implements Choice {
    /** CodeGen2's mask sentinels: {@code prefix <mask_1> suffix <|endoftext|> <sep> <mask_1> middle <eom>}. */
    CODEGEN2("codegen2"),
    /** Bavarian et al.'s PSM and SPM orders with {@code <fim_prefix>}, {@code <fim_suffix>}, {@code <fim_middle>}. */
    PSM_SPM("psm_spm");

    private final String label;

    FimFormat(String label) {
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

    /** The constant labelled {@code label}; a {@link ConfigException} naming {@code objective.fim_format} otherwise. */
    public static FimFormat fromLabel(String label) {
        return Choice.of(FimFormat.class, "objective.fim_format", label);
    }
}
