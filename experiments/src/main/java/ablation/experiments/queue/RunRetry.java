package ablation.experiments.queue;

import ablation.core.WorkbenchException;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;

/**
 * Hands a failed or cancelled run back to its study, which resumes it from its last checkpoint:
 * what {@code workbench runs retry} and the app's Retry do.
 *
 * <p>The store lets a run go back only to running ({@code Runs.resume}), not to queued. So the run
 * is resumed without a worker, keeping every metric point (the worker that takes it over drops
 * those after its checkpoint); its heartbeat then goes stale, the study's executor marks it
 * orphaned and starts a worker on it, as it does for a worker that died.
 */
public final class RunRetry {
    /** What a retry did. */
    public enum Outcome {
        /** The run is running without a worker: its study resumes it once its heartbeat is stale. */
        HANDED_BACK,
        /** The run is orphaned: its study resumes it already. */
        ALREADY_RESUMING
    }

    private RunRetry() {}

    /** Hands {@code run} back to its study; throws for a run that is neither failed, cancelled nor orphaned. */
    public static Outcome handBack(TrackingStore store, Run run) {
        return switch (run.status()) {
            case FAILED, CANCELLED -> {
                store.runs().resume(run.id(), Long.MAX_VALUE);
                yield Outcome.HANDED_BACK;
            }
            case ORPHANED -> Outcome.ALREADY_RESUMING;
            default ->
                throw new WorkbenchException("run " + run.id() + " (" + run.name() + ") is "
                        + run.status().dbValue() + ": only a failed or cancelled run can be retried");
        };
    }
}
