package ablation.app.gui;

import ablation.app.gui.compare.CompareSource;
import ablation.app.gui.composer.StudyLauncher;
import ablation.app.gui.lessons.LessonSource;
import ablation.app.gui.runs.RunsSource;
import ablation.app.gui.studies.StudyCatalog;
import java.util.Optional;

/**
 * What the window is built on. The store-backed parts are optional: without them the runs,
 * compare and lessons views show their empty state and launching stays disabled.
 *
 * @param launcher queues a composed study's runs and runs them
 * @param runs the runs view's rows, loss curves and actions
 * @param compare the compare view's runs, charts and tables
 * @param lessons the lessons view's cards and the report export
 * @param store one line describing the tracking store for the status bar ({@code jdbc:h2:~/.workbench/db})
 * @param flopsPerSecond training throughput the composer's time estimates assume
 */
public record GuiServices(
        StudyCatalog catalog,
        Dialogs dialogs,
        Optional<StudyLauncher> launcher,
        Optional<RunsSource> runs,
        Optional<CompareSource> compare,
        Optional<LessonSource> lessons,
        String store,
        double flopsPerSecond) {
    public GuiServices {
        if (!(flopsPerSecond > 0))
            throw new IllegalArgumentException("flopsPerSecond must be positive: " + flopsPerSecond);
    }
}
