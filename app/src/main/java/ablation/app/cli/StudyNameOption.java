package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.core.names.StudyNames;

/** Checks a study name given on the command line ({@code --study}, {@code --as}) before a store is opened. */
final class StudyNameOption {
    private StudyNameOption() {}

    /** The name, when it follows {@link StudyNames}' rule; null (the option was not given) passes. */
    static String check(String option, String name) {
        if (name == null) return null;
        StudyNames.problem(name).ifPresent(problem -> {
            throw new WorkbenchException(option + " = '" + name + "': " + problem);
        });
        return name;
    }
}
