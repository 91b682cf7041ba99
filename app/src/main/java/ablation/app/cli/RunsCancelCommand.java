package ablation.app.cli;

import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench runs cancel ID}: a queued, running or orphaned run is cancelled; the study running it stops its worker. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a queued, running or orphaned run. A study command that is running it stops its worker; "
                + "'runs retry' puts it back.")
public final class RunsCancelCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "run id")
    long id;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (TrackingStore store = db.open()) {
            Run before = store.runs().require(id);
            store.runs().cancel(id);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "run %d (%s): %s -> cancelled%n",
                            id, before.name(), before.status().dbValue());
        }
        return 0;
    }
}
