package ablation.app.gui.runs;

import java.time.Instant;

/**
 * One line of the runs table, read from the store's run and metric-summary rows.
 *
 * @param status queued, running, finished, failed, cancelled or orphaned
 * @param step last optimizer step reported
 * @param steps steps the run will take in all
 * @param loss last training loss, NaN before the first
 * @param updated last heartbeat or metric, null before the run starts
 */
public record RunRow(String name, String status, long step, long steps, double loss, Instant updated) {
    /** {@code 120/500 (24%)}. */
    public String progress() {
        if (steps <= 0) return String.valueOf(step);
        return step + "/" + steps + " (" + Math.round(100.0 * step / steps) + "%)";
    }
}
