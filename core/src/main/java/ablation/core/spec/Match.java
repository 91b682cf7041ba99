package ablation.core.spec;

import ablation.core.config.Choice;
import ablation.core.config.ConfigException;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a study matches compute across its arms ({@code match}). */
public enum Match implements Choice {
    /** Every arm trains on the base's token budget. */
    TOKENS("tokens"),
    /** Every arm trains for the base's training FLOPs (bigger models see fewer tokens). */
    FLOPS("flops");

    private final String label;

    Match(String label) {
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

    /** The constant labelled {@code label}; a {@link ConfigException} naming {@code match} otherwise. */
    public static Match fromLabel(String label) {
        return Choice.of(Match.class, "match", label);
    }
}
