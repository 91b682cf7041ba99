package ablation.app.gui.composer;

import ablation.core.spec.AblationSpec;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Starts a composed study: queues its runs for the executors. The composer saves the study before
 * launching, so {@code studyFile} holds exactly {@code spec}. Called off the FX thread; throws a
 * {@code WorkbenchException} the user can act on (shown in the status bar).
 */
public interface StudyLauncher {
    /** @return one line for the status bar, e.g. {@code queued 15 runs of lesson2-fim} */
    String launch(AblationSpec spec, Path studyFile);

    /**
     * Where the launcher reports the running study's progress, one line at a time ({@code runs
     * 3/15 | fim=0.5,seed=1 step 120/480 | ETA 12m}); called from the launcher's own thread.
     */
    default void reportProgressTo(Consumer<String> lines) {}
}
