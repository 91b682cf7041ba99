package ablation.app.gui;

import ablation.core.WorkbenchException;
import java.util.Arrays;
import java.util.Locale;

/** The views of the main window, in navigation order; Ctrl+1 … Ctrl+5 switch to them. */
public enum Section {
    STUDIES("Studies", "Your studies and the lesson templates"),
    COMPOSER("Composer", "Compose an ablation and preview its runs"),
    RUNS("Runs", "Runs of the study: status, progress, loss"),
    COMPARE("Compare", "Loss curves and pass@k of the arms, with seed bands"),
    LESSONS("Lessons", "The five CodeGen2 lessons: measurement and verdict");

    private final String title;
    private final String description;

    Section(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The digit of its Ctrl+digit shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    /** The name used on the command line ({@code --view composer}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Section fromCliName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.cliName().equals(name))
                .findFirst()
                .orElseThrow(() -> new WorkbenchException("unknown view '" + name + "': use one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Section::cliName).toList())));
    }
}
