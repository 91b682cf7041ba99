package ablation.app.gui.store;

import ablation.core.WorkbenchException;
import ablation.core.names.StudyNames;
import ablation.experiments.executor.StudyLayout;
import java.nio.file.Path;

/**
 * Where the studies launched from the app keep their files: {@code <root>/<study name>/}, laid out
 * as {@link StudyLayout} says (run directories with checkpoints and worker logs, the report).
 *
 * @param root {@code ~/.workbench/studies} unless {@code workbench gui --studies DIR} says otherwise
 */
public record StudyFiles(Path root) {
    /** {@code ~/.workbench/studies}: where {@link StudyLayout#defaultFor} puts {@code workbench study}'s files too. */
    public static StudyFiles inHome() {
        return new StudyFiles(Path.of(System.getProperty("user.home"), ".workbench", "studies"));
    }

    public StudyLayout layout(String study) {
        StudyNames.problem(study).ifPresent(problem -> {
            throw new WorkbenchException("study name '" + study + "': " + problem);
        });
        return new StudyLayout(root.resolve(study));
    }
}
