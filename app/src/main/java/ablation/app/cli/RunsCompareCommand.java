package ablation.app.cli;

import ablation.reports.source.ConfigDiff;
import ablation.reports.source.RunOverview;
import ablation.reports.source.RunOverviews;
import ablation.storage.TrackingStore;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench runs compare A B}: where two runs' configs differ, and their final figures side by side. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare two runs: only the config fields that differ, then their final metrics side by side.")
public final class RunsCompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "first run id")
    long first;

    @Parameters(index = "1", paramLabel = "ID", description = "second run id")
    long second;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingStore store = db.openReadOnly()) {
            out.print(render(RunOverviews.of(store, first), RunOverviews.of(store, second)));
            out.flush(); // print does not flush, and the launcher exits right after
        }
        return 0;
    }

    static String render(RunOverview a, RunOverview b) {
        TextTable table = new TextTable()
                .row("", "run " + a.run().id(), "run " + b.run().id())
                .row("name", a.run().name(), b.run().name())
                .row("study", a.study(), b.study())
                .row("status", a.run().status().dbValue(), b.run().status().dbValue());
        Map<String, ConfigDiff.Change> diff = ConfigDiff.between(a.config(), b.config());
        table.row("").row(diff.isEmpty() ? "config: identical" : "config (only the fields that differ):");
        diff.forEach((path, change) ->
                table.row("  " + path, ConfigDiff.display(change.left()), ConfigDiff.display(change.right())));
        table.row("").row("metrics (final):");
        Set<String> keys = new LinkedHashSet<>(a.finals().keySet());
        keys.addAll(b.finals().keySet());
        for (String key : keys) {
            table.row(
                    "  " + key,
                    RunsListCommand.number(a.finals().get(key)),
                    RunsListCommand.number(b.finals().get(key)));
        }
        Set<String> passKeys = new LinkedHashSet<>();
        for (RunOverview run : List.of(a, b)) run.passAtK().forEach(p -> passKeys.add(p.key()));
        for (String key : passKeys) table.row("  " + key, pass(a, key), pass(b, key));
        return table.toString();
    }

    private static String pass(RunOverview run, String key) {
        return run.passAtK().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .map(p -> p.estimate().format(3) + " @" + p.step())
                .orElse("-");
    }
}
