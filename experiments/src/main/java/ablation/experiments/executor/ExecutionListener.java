package ablation.experiments.executor;

/** What a running study reports, about once a second: for a terminal line or the GUI's runs view. */
public interface ExecutionListener {
    void progress(StudyProgress progress);

    /** A run ended (finished, failed or cancelled); {@code message} is its error, if any. */
    default void runEnded(String runName, String status, String message) {}

    ExecutionListener NONE = progress -> {};
}
