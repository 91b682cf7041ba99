package ablation.experiments.plan;

import ablation.core.spec.RunSpec;
import ablation.experiments.executor.StudyProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A study's runs with their compute and estimated training time on this machine: the dry run. */
public record StudyPlan(String study, List<Row> rows) {
    /** One run: its spec and the estimated time to train it here (null: too large to time on this machine). */
    public record Row(RunSpec run, Duration estimate) {}

    public static StudyPlan of(String study, List<RunSpec> runs, ThroughputTable throughput) {
        List<Row> rows = new ArrayList<>();
        for (RunSpec run : runs) {
            var config = run.config();
            var tokensPerSecond = throughput.tokensPerSecond(
                    config.model(), run.vocabSize(), config.train().microBatch());
            rows.add(new Row(
                    run,
                    tokensPerSecond.isPresent()
                            ? Duration.ofSeconds(Math.round(run.tokens() / tokensPerSecond.getAsDouble()))
                            : null));
        }
        return new StudyPlan(study, rows);
    }

    /** Total estimated training time, or null when some run is too large to time here. */
    public Duration total() {
        if (rows.stream().anyMatch(r -> r.estimate() == null)) return null;
        return rows.stream().map(Row::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** The grid as a table, one run a line, then the totals. */
    public String table() {
        StringBuilder out = new StringBuilder();
        int width = Math.max(
                4, rows.stream().mapToInt(r -> r.run().name().length()).max().orElse(4));
        out.append(String.format(
                Locale.ROOT,
                "%-3s %-" + width + "s %10s %7s %9s %10s %8s  %s%n",
                "#",
                "run",
                "params",
                "steps",
                "tokens",
                "FLOPs",
                "time",
                "lessons"));
        int i = 1;
        for (Row row : rows) {
            RunSpec run = row.run();
            out.append(String.format(
                    Locale.ROOT,
                    "%-3d %-" + width + "s %10s %7d %9s %10.2e %8s  %s%n",
                    i++,
                    run.name(),
                    compact(run.parameters()),
                    run.steps(),
                    compact(run.tokens()),
                    run.trainingFlops(),
                    row.estimate() == null ? "n/a" : StudyProgress.format(row.estimate()),
                    run.lessons()));
        }
        double flops = rows.stream().mapToDouble(r -> r.run().trainingFlops()).sum();
        Duration total = total();
        out.append(String.format(
                Locale.ROOT,
                "%d runs, %.2e FLOPs of training, %s%n",
                rows.size(),
                flops,
                total == null
                        ? "too large to time on this machine (n/a: meant for a GPU cluster)"
                        : "about " + StudyProgress.format(total)
                                + " of training on this machine (one run at a time; evaluation comes on top)"));
        return out.toString();
    }

    private static String compact(long n) {
        if (n >= 1_000_000_000) return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        if (n >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 1_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        return Long.toString(n);
    }
}
