package ablation.experiments.executor;

import ablation.core.WorkbenchException;
import ablation.core.names.StudyNames;
import java.nio.file.Path;

/**
 * Where a study keeps its files: {@code <root>/runs/<run id>/} holds a run's checkpoints and its
 * worker log; the report goes to {@code <root>/report/}.
 */
public record StudyLayout(Path root) {
    /**
     * {@code ~/.workbench/studies/<name>} unless the user gives {@code --out}; a name that would leave
     * that folder is refused.
     */
    public static StudyLayout defaultFor(String studyName) {
        StudyNames.problem(studyName).ifPresent(problem -> {
            throw new WorkbenchException("study name '" + studyName + "': " + problem);
        });
        return new StudyLayout(Path.of(System.getProperty("user.home"), ".workbench", "studies", studyName));
    }

    public Path runDir(long runId) {
        return root.resolve("runs").resolve(Long.toString(runId));
    }

    public Path workerLog(long runId) {
        return runDir(runId).resolve("worker.log");
    }

    public Path reportDir() {
        return root.resolve("report");
    }
}
