package ablation.app.gui.runs;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the runs table, read from the store's run and metric-summary rows.
 *
 * @param id the run's id in the store
 * @param status queued, running, finished, failed, cancelled or orphaned
 * @param step last optimizer step reported
 * @param steps steps the run will take in all
 * @param loss last training loss, NaN before the first
 * @param eta time left at the run's last measured speed, null when unknown or not running
 * @param updated last heartbeat or end, null before the run starts
 * @param error why the run failed, or null
 */
public record RunRow(
        long id,
        String name,
        String status,
        long step,
        long steps,
        double loss,
        Duration eta,
        Instant updated,
        String error) {
    /** {@code 120/500 (24%)}. */
    public String progress() {
        if (steps <= 0) return String.valueOf(step);
        return step + "/" + steps + " (" + Math.round(100.0 * step / steps) + "%)";
    }

    /** Fraction of the steps done, 0 to 1 (0 when the total is unknown). */
    public double fraction() {
        return steps <= 0 ? 0 : Math.min(1, (double) step / steps);
    }

    /** Whether Retry applies: a failed or cancelled run resumes from its last checkpoint. */
    public boolean retryable() {
        return "failed".equals(status) || "cancelled".equals(status);
    }

    /** Whether Cancel applies: the run has not ended. */
    public boolean cancellable() {
        return "queued".equals(status) || "running".equals(status) || "orphaned".equals(status);
    }
}
