package ablation.storage.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * A run's life: {@code queued -> running -> finished | failed | cancelled}. A running run whose
 * worker stopped sending heartbeats becomes {@code orphaned}; an orphaned, failed or cancelled run
 * can be resumed (back to running, from its last checkpoint) or, when orphaned, failed.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELLED,
    ORPHANED;

    /** The statuses a run may move to this one from. */
    public Set<RunStatus> from() {
        return switch (this) {
            case QUEUED -> EnumSet.noneOf(RunStatus.class);
            case RUNNING -> EnumSet.of(QUEUED, ORPHANED, FAILED, CANCELLED);
            case FINISHED -> EnumSet.of(RUNNING);
            case FAILED -> EnumSet.of(RUNNING, ORPHANED);
            case CANCELLED -> EnumSet.of(QUEUED, RUNNING, ORPHANED);
            case ORPHANED -> EnumSet.of(RUNNING);
        };
    }

    /** Whether the run is over (no worker should be writing to it). */
    public boolean isFinal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }

    /** The value stored in the database: the lower-case name. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus ofDbValue(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
