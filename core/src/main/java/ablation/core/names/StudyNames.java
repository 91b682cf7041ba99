package ablation.core.names;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for study names, checked wherever a name enters (a study file, {@code db import}
 * and the names inside an export, {@code --study} flags) because a study's name becomes a directory
 * ({@code ~/.workbench/studies/<name>}): letters, digits, {@code -}, {@code _} and {@code .}, not
 * starting with a dot, at most {@value #MAX_LENGTH} characters. So no name can climb out of its
 * folder ({@code ../x}), hide ({@code .x}) or carry a separator.
 */
public final class StudyNames {
    public static final int MAX_LENGTH = 100;
    /** The rule in words, for messages. */
    public static final String RULE =
            "letters, digits, '-', '_' and '.', not starting with '.' or '-', at most " + MAX_LENGTH + " characters";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private StudyNames() {}

    /** Why {@code name} cannot be a study's name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) return Optional.of("a study needs a name of " + RULE);
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters long; a study name has " + RULE);
        }
        if (!SAFE.matcher(name).matches()) return Optional.of("a study name has " + RULE);
        return Optional.empty();
    }

    public static boolean isSafe(String name) {
        return problem(name).isEmpty();
    }
}
