package ablation.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A closed set of options written in configs by a label ({@code causal}, {@code psm_spm}, ...). Each
 * enum that implements it maps its label both ways in Jackson ({@code @JsonValue} on {@link #label()});
 * code compares the constants, never the labels.
 */
public interface Choice {
    /** The label as written in YAML and stored in the database. */
    String label();

    /** The constant of {@code type} labelled {@code label}, or a {@link ConfigException} naming {@code field}. */
    static <E extends Enum<E> & Choice> E of(Class<E> type, String field, String label) {
        return find(type, label)
                .orElseThrow(
                        () -> new ConfigException(field, label, "must be one of " + String.join(", ", labels(type))));
    }

    /** The constant of {@code type} labelled {@code label}, if there is one (a stored value of an older version). */
    static <E extends Enum<E> & Choice> Optional<E> find(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.label().equals(label))
                .findFirst();
    }

    /** The labels of {@code type}, in declaration order. */
    static List<String> labels(Class<? extends Choice> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::label).toList();
    }
}
