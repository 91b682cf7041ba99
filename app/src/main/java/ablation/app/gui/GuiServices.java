package ablation.app.gui;

import ablation.app.gui.composer.StudyLauncher;
import ablation.app.gui.lessons.LessonCard;
import ablation.app.gui.runs.RunRow;
import ablation.app.gui.studies.StudyCatalog;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * What the window is built on. The store-backed parts are optional: without them the runs,
 * compare and lessons views show their empty state and launching stays disabled.
 *
 * @param launcher queues a composed study's runs
 * @param runs rows of the runs view
 * @param charts charts of the compare view
 * @param lessons cards of the lessons view
 * @param store one line describing the tracking store for the status bar ({@code jdbc:h2:~/.workbench/db})
 * @param flopsPerSecond training throughput the composer's time estimates assume
 */
public record GuiServices(StudyCatalog catalog, Dialogs dialogs, Optional<StudyLauncher> launcher,
                          Optional<StudyFeed<RunRow>> runs, Optional<StudyFeed<JFreeChart>> charts,
                          Optional<StudyFeed<LessonCard>> lessons, String store, double flopsPerSecond) {
    public GuiServices {
        if (!(flopsPerSecond > 0)) throw new IllegalArgumentException("flopsPerSecond must be positive: " + flopsPerSecond);
    }
}
