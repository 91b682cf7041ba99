package ablation.app.gui.studies;

import java.nio.file.Path;
import java.util.List;

/**
 * The studies the app knows. Called off the FX thread. The file-based implementation lists the
 * sample configs and the files the user opened; a store-backed one adds the studies that ran and
 * their progress.
 */
public interface StudyCatalog {
    /** Every study to list, templates included. */
    List<StudyEntry> studies();

    /** Adds a study file the user opened or saved to the list. */
    void remember(Path file);
}
