package ablation.app.gui.studies;

import java.nio.file.Path;

/**
 * One line of the studies list.
 *
 * @param runs runs the study expands to, or -1 when it does not validate
 * @param status what the user should know at a glance: {@code ready}, {@code invalid: ...}, or
 *               (once the store is wired) progress such as {@code 3/15 finished}
 */
public record StudyEntry(String name, String description, Path file, Origin origin, int runs, String status) {
    /** Where a study comes from. */
    public enum Origin {
        /** A {@code lesson*.yaml} of the sample configs: a starting point for new studies. */
        TEMPLATE("lesson template"),
        /** Another file of the sample configs. */
        SAMPLE("sample"),
        /** A file the user opened or saved. */
        FILE("file");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean valid() {
        return runs >= 0;
    }
}
