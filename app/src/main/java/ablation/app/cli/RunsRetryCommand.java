package ablation.app.cli;

import ablation.experiments.queue.RunRetry;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench runs retry ID}: a failed or cancelled run is handed back to its study, which
 * resumes it from its last checkpoint ({@link RunRetry} says how).
 */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description =
                "Hand a failed or cancelled run back to its study: the 'workbench study' command running it (now or "
                        + "when started again) resumes it from its last checkpoint, within about 30 s.")
public final class RunsRetryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "run id")
    long id;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (TrackingStore store = db.open()) {
            Run run = store.runs().require(id);
            String study = store.studies().get(run.studyId()).map(s -> s.name()).orElse("?");
            switch (RunRetry.handBack(store, run)) {
                case HANDED_BACK ->
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "run %d (%s): %s -> handed back to study %s; "
                                            + "'workbench study' resumes it from its last checkpoint "
                                            + "(a study running now, within about 30 s)%n",
                                    id, run.name(), run.status().dbValue(), study);
                case ALREADY_RESUMING ->
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "run %d (%s) is orphaned: " + "'workbench study' already resumes it%n",
                                    id, run.name());
            }
        }
        return 0;
    }
}
