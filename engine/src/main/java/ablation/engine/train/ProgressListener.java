package ablation.engine.train;

import java.nio.file.Path;
import java.time.Duration;

/** Follows a training run step by step (a terminal line, a GUI, a worker's heartbeat). */
public interface ProgressListener {
    ProgressListener NONE = progress -> {};

    /**
     * @param step optimizer steps done (1-based after the first step)
     * @param loss mean loss of the last step, nats per scored token
     * @param eta estimated time to the last step at the current speed
     */
    record Progress(long step, long steps, double loss, double tokensPerSecond, long tokens, Duration eta) {}

    void onStep(Progress progress);

    /** A complete checkpoint now exists at {@code directory}. */
    default void onCheckpoint(long step, Path directory) {}
}
