package ablation.app.gui.lessons;

import ablation.reports.export.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The lesson verdicts of a study and its report, from the tracking store. Called off the FX thread. */
public interface LessonSource {
    /** A card per lesson the study tests, in lesson order; empty when it tests none. */
    List<LessonCard> lessons(String study);

    /** Writes the study's lesson report into {@code directory}; returns the files written. */
    List<Path> export(String study, Path directory, Set<Format> formats);
}
