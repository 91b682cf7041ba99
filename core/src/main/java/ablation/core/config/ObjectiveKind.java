package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The objectives a sequence can be built with, in the order of the mixture (and of the counts a
 * checkpoint stores); the labels are the keys of {@code objective:} and of the
 * {@code data/objective/<label>} metrics.
 */
public enum ObjectiveKind implements Choice {
    /** Next-token prediction over the whole sequence. */
    CLM("clm", "Causal LM"),
    /** Next-token prediction after a bidirectionally attended prefix (needs {@code model.arch: prefix_lm}). */
    PREFIX_LM("prefix_lm", "Prefix-LM"),
    /** Spans replaced by {@code <mask_k>} and written out after the text (CodeGen2). */
    SPAN_CORRUPTION("span_corruption", "Span corruption"),
    /** Fill-in-the-middle, in the format of {@code objective.fim_format}. */
    FIM("fim", "FIM");

    private final String label;
    private final String title;

    ObjectiveKind(String label, String title) {
        this.label = label;
        this.title = title;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** The name people read: {@code Causal LM}, {@code Span corruption}. */
    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The constant labelled {@code label}; a {@link ConfigException} naming {@code objective} otherwise. */
    public static ObjectiveKind fromLabel(String label) {
        return Choice.of(ObjectiveKind.class, "objective", label);
    }
}
