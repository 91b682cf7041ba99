package ablation.experiments.executor;

/**
 * What a worker's exit code tells its executor. A run-level failure is recorded in the store and
 * the study goes on; {@link #CANNOT_RUN} means no relaunch can help (the store is out of reach, the
 * run's config or inputs are invalid), so the study stops with the worker's reason.
 */
public final class WorkerExit {
    /** The run finished, or there was nothing to do. */
    public static final int FINISHED = 0;
    /** The run failed unexpectedly (recorded in the store when it was reachable). */
    public static final int FAILED = 1;
    /** The run failed with an error a user can act on, recorded in the store. */
    public static final int RUN_ERROR = 2;
    /** The worker cannot work at all: relaunching it would fail the same way. */
    public static final int CANNOT_RUN = 3;
    /** The worker stopped itself: its study process, its store or its claim on the run is gone. */
    public static final int ABANDONED = 4;
    /** Prefix of the line a worker prints before it exits with {@link #CANNOT_RUN} or {@link #ABANDONED}. */
    public static final String REASON_PREFIX = "worker stopped: ";

    private WorkerExit() {}
}
