package ablation.experiments.plan;

import ablation.experiments.spec.RunSpec;
import ablation.experiments.executor.StudyProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A study's runs with their compute and estimated training time on this machine: the dry run. */
public record StudyPlan(String study, List<Row> rows) {
    /** One run: its spec and the estimated time to train it here. */
    public record Row(RunSpec run, Duration estimate) {}

    public static StudyPlan of(String study, List<RunSpec> runs, ThroughputTable throughput) {
        List<Row> rows = new ArrayList<>();
        for (RunSpec run : runs) {
            var config = run.config();
            double tokensPerSecond = throughput.tokensPerSecond(config.model(), run.vocabSize(), config.train().microBatch());
            rows.add(new Row(run, Duration.ofSeconds(Math.round(run.tokens() / tokensPerSecond))));
        }
        return new StudyPlan(study, rows);
    }

    public Duration total() {
        return rows.stream().map(Row::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** The grid as a table, one run a line, then the totals. */
    public String table() {
        StringBuilder out = new StringBuilder();
        int width = Math.max(4, rows.stream().mapToInt(r -> r.run().name().length()).max().orElse(4));
        out.append(String.format(Locale.ROOT, "%-3s %-" + width + "s %10s %7s %9s %10s %8s  %s%n",
                "#", "run", "params", "steps", "tokens", "PFLOP", "time", "lessons"));
        int i = 1;
        for (Row row : rows) {
            RunSpec run = row.run();
            out.append(String.format(Locale.ROOT, "%-3d %-" + width + "s %10s %7d %9s %10.4f %8s  %s%n", i++, run.name(),
                    compact(run.parameters()), run.steps(), compact(run.tokens()), run.trainingFlops() / 1e15,
                    StudyProgress.format(row.estimate()), run.lessons()));
        }
        double flops = rows.stream().mapToDouble(r -> r.run().trainingFlops()).sum();
        out.append(String.format(Locale.ROOT, "%d runs, %.4f PFLOP of training, about %s of training on this machine "
                + "(one run at a time; evaluation comes on top)%n", rows.size(), flops / 1e15,
                StudyProgress.format(total())));
        return out.toString();
    }

    private static String compact(long n) {
        if (n >= 1_000_000_000) return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        if (n >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 1_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        return Long.toString(n);
    }
}
