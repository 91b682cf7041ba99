package ablation.app.gui.studies;

import java.nio.file.Path;

/**
 * One line of the studies list.
 *
 * @param file the study file, or null for a study known only from the tracking store
 * @param runs runs the study expands to (or has in the store), or -1 when it does not validate
 * @param status what the user should know at a glance: {@code ready}, {@code invalid: ...}, or the
 *               store's progress such as {@code 3/15 finished, 1 running}
 */
public record StudyEntry(String name, String description, Path file, Origin origin, int runs, String status) {
    /** Where a study comes from. */
    public enum Origin {
        /** A {@code lesson*.yaml} of the sample configs: a starting point for new studies. */
        TEMPLATE("lesson template"),
        /** A run config of the sample configs ({@code quick-train.yaml}): the base of a new study. */
        RUN_TEMPLATE("run template"),
        /** Another file of the sample configs. */
        SAMPLE("sample"),
        /** A file the user opened or saved. */
        FILE("file"),
        /** A study in the tracking store whose file is not listed here. */
        STORE("store only");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether a new study can start from it (a lesson or run template). */
    public boolean template() {
        return origin == Origin.TEMPLATE || origin == Origin.RUN_TEMPLATE;
    }

    public boolean valid() {
        return runs >= 0;
    }

    /** The same study with the store's status (and run count, for a study that has runs there). */
    public StudyEntry withStatus(int storedRuns, String storeStatus) {
        return new StudyEntry(name, description, file, origin, storedRuns > 0 ? storedRuns : runs, storeStatus);
    }
}
