package ablation.app.gui.runs;

import ablation.core.stats.LossBand;
import java.util.List;

/**
 * What the runs view reads and does, backed by the tracking store. Called off the FX thread; a
 * failure the user can act on is a {@code WorkbenchException} or {@code StoreException}.
 */
public interface RunsSource {
    /** The study's runs, in queue order. */
    List<RunRow> runs(String study);

    /**
     * The training loss of each run against training tokens, downsampled in the store to at most
     * {@code maxPoints} buckets: per bucket the value at its last step (the line) and the bucket's
     * min and max (the band), so spikes stay visible.
     */
    List<LossBand> loss(List<RunRow> runs, int maxPoints);

    /** Stops a queued or running run (its worker is stopped by the executor). */
    void cancel(RunRow run);

    /** Resumes a failed or cancelled run from its last checkpoint; returns a line for the status bar. */
    String retry(String study, RunRow run);

    /** The run's error and the end of its worker log, for a run that failed. */
    String log(String study, RunRow run);
}
