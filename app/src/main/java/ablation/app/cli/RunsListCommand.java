package ablation.app.cli;

import ablation.core.metric.MetricKeys;
import ablation.core.stats.Estimate;
import ablation.reports.source.ConfigDiff;
import ablation.reports.source.RunOverview;
import ablation.reports.source.RunOverviews;
import ablation.storage.TrackingStore;
import ablation.storage.study.Study;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench runs list}: every run with its status, config changes and final figures. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description =
                "List runs (of one study, or of all) with status, final loss, pass@k, bits per byte, understanding "
                        + "and what each changes from its study's base. --json writes the same for scripts.")
public final class RunsListCommand implements Callable<Integer> {
    @Option(names = "--study", paramLabel = "NAME", description = "only this study's runs")
    String study;

    @Option(names = "--json", description = "one JSON document (keys: see README) instead of tables")
    boolean json;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyNameOption.check("--study", study);
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingStore store = db.openReadOnly()) {
            List<Study> studies = study != null
                    ? List.of(store.studies().require(study))
                    : store.studies().list();
            Map<Study, List<RunOverview>> runs = new LinkedHashMap<>();
            for (Study s : studies) runs.put(s, RunOverviews.ofStudy(store, s));
            if (json) {
                out.println(RunsJson.pretty(RunsJson.list(
                        study, runs.values().stream().flatMap(List::stream).toList())));
                return 0;
            }
            if (studies.isEmpty()) out.println("no studies in " + store.displayUrl());
            for (Map.Entry<Study, List<RunOverview>> entry : runs.entrySet()) {
                out.printf(
                        "study %s: %d runs%n",
                        entry.getKey().name(), entry.getValue().size());
                if (!entry.getValue().isEmpty()) out.print(table(entry.getValue()));
                out.println();
            }
        }
        return 0;
    }

    /** ID, name, status, final loss, pass@k at the smallest k per benchmark and mode, eval scalars, changes. */
    static String table(List<RunOverview> runs) {
        Map<String, Integer> smallestK = new LinkedHashMap<>();
        TreeSet<String> evalKeys = new TreeSet<>();
        for (RunOverview run : runs) {
            run.passAtK().forEach(p -> smallestK.merge(p.benchmark() + "/" + p.mode(), p.k(), Math::min));
            run.finals().keySet().stream()
                    .filter(k -> k.startsWith(MetricKeys.EVAL_PREFIX) && !MetricKeys.isDetail(k))
                    .forEach(evalKeys::add);
        }
        List<String> passKeys = smallestK.entrySet().stream()
                .map(e -> "pass@" + e.getValue() + "/" + e.getKey())
                .sorted()
                .toList();
        List<String> header = new ArrayList<>(List.of("id", "name", "status", MetricKeys.TRAIN_LOSS));
        header.addAll(passKeys);
        header.addAll(evalKeys);
        header.add("changes from base");
        TextTable table = new TextTable().row(header);
        for (RunOverview run : runs) {
            List<String> row = new ArrayList<>(List.of(
                    Long.toString(run.run().id()),
                    run.run().name(),
                    run.run().status().dbValue(),
                    number(run.finals().get(MetricKeys.TRAIN_LOSS))));
            for (String key : passKeys) {
                row.add(run.passAtK().stream()
                        .filter(p -> p.key().equals(key))
                        .findFirst()
                        .map(p -> Estimate.number(p.estimate().value(), 3))
                        .orElse("-"));
            }
            for (String key : evalKeys) row.add(number(run.finals().get(key)));
            row.add(
                    run.configDiff().isEmpty()
                            ? "-"
                            : run.configDiff().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + ConfigDiff.display(e.getValue()))
                                    .collect(Collectors.joining(" ")));
            table.row(row);
        }
        return table.toString();
    }

    /** Three decimals (whole numbers from 1000 up, such as token counts, without), "-" when absent; NaN and infinities spelt out. */
    static String number(Double value) {
        if (value == null) return "-";
        if (!Double.isFinite(value)) return Double.toString(value);
        if (Math.abs(value) >= 1000 && value == Math.rint(value)) return Long.toString(value.longValue());
        return Estimate.number(value, 3);
    }
}
