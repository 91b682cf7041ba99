package ablation.reports.lessons;

import ablation.core.config.EvalMode;
import ablation.core.stats.Estimate;
import ablation.core.stats.Intervals;
import ablation.core.stats.LossBand;
import ablation.core.stats.PassMatrix;
import ablation.core.stats.ProblemCount;
import ablation.reports.model.Accuracy;
import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.LossPoint;
import ablation.reports.model.RunResult;
import ablation.reports.model.StudyResults;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An arm's aggregates over its finished seeds. Failed and missing runs are kept by name so the
 * report can say which; they enter no number.
 */
public record ArmSummary(Arm arm, List<RunResult> finished, List<RunResult> unfinished) {
    private static final Pattern PREFIX_LM = Pattern.compile("\"arch\"\\s*:\\s*\"prefix_lm\"|arch:\\s*prefix_lm");

    public ArmSummary {
        finished = List.copyOf(finished);
        unfinished = List.copyOf(unfinished);
    }

    public static ArmSummary of(StudyResults study, Arm arm) {
        List<RunResult> runs = study.runs(arm);
        return new ArmSummary(
                arm,
                runs.stream().filter(RunResult::finished).toList(),
                runs.stream().filter(r -> !r.finished()).toList());
    }

    /** Runs grouped outside a lesson (a view's arm): shown, not judged. */
    public static ArmSummary of(String label, List<RunResult> runs) {
        Arm arm = new Arm(
                label,
                ArmRole.OTHER,
                Double.NaN,
                runs.stream().map(RunResult::name).toList());
        return new ArmSummary(
                arm,
                runs.stream().filter(RunResult::finished).toList(),
                runs.stream().filter(r -> !r.finished()).toList());
    }

    public String label() {
        return arm.label();
    }

    /** The finished seeds' evaluations on a benchmark (those seeds that have it). */
    public List<Evaluation> evaluations(String benchmark, EvalMode mode) {
        return finished.stream()
                .map(r -> r.metrics().evaluation(benchmark, mode))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Per-seed, per-problem pass@k on a benchmark, or null when no finished seed has it. */
    public PassMatrix passMatrix(String benchmark, EvalMode mode, int k) {
        List<Evaluation> evaluations = evaluations(benchmark, mode);
        return evaluations.isEmpty()
                ? null
                : PassMatrix.of(evaluations.stream().map(Evaluation::problems).toList(), k);
    }

    /** pass@k over seeds and problems with its interval ({@link Intervals}), or null without data. */
    public Estimate passAtK(String benchmark, EvalMode mode, int k) {
        PassMatrix m = passMatrix(benchmark, mode, k);
        return m == null ? null : Intervals.DEFAULT.of(m);
    }

    /**
     * The configured ks of the benchmark's evaluations that every problem of every seed can give
     * (k <= n), in ascending order.
     */
    public List<Integer> ks(String benchmark, EvalMode mode) {
        List<Evaluation> evaluations = evaluations(benchmark, mode);
        int minN = evaluations.stream()
                .flatMap(e -> e.problems().stream())
                .mapToInt(ProblemCount::n)
                .min()
                .orElse(0);
        return evaluations.stream()
                .flatMap(e -> e.ks().stream())
                .distinct()
                .filter(k -> k <= minN)
                .sorted()
                .toList();
    }

    /** The finished seeds' bits per byte in a domain (seeds without that domain left out). */
    public double[] bitsPerByte(Domain domain) {
        return finished.stream()
                .mapToDouble(r -> r.metrics().bitsPerByte(domain))
                .filter(v -> !Double.isNaN(v))
                .toArray();
    }

    /** The finished seeds' last value of an evaluation scalar (seeds without it left out). */
    public double[] scalar(String key) {
        return finished.stream()
                .mapToDouble(r -> r.metrics().scalar(key))
                .filter(v -> !Double.isNaN(v))
                .toArray();
    }

    /** Seed mean of bits per byte with its t interval, or null without data. */
    public Estimate bitsPerByteEstimate(Domain domain) {
        double[] values = bitsPerByte(domain);
        return values.length == 0 ? null : Intervals.DEFAULT.seedMean(values);
    }

    /**
     * An accuracy ({@code eval/understanding}, {@code eval/lastword}), or null without data: with one
     * finished seed, its value with its stored 95% bootstrap interval; with several, the seed mean
     * with its t interval.
     */
    public Estimate accuracy(String key) {
        List<Accuracy> runs = finished.stream()
                .map(r -> r.metrics().accuracy(key))
                .filter(Objects::nonNull)
                .toList();
        if (runs.isEmpty()) return null;
        if (runs.size() == 1) return runs.get(0).estimate();
        return Intervals.DEFAULT
                .seedMean(runs.stream().mapToDouble(Accuracy::accuracy).toArray())
                .within(0, 1);
    }

    /** Seed mean of the last logged training loss with its t interval, or null without data. */
    public Estimate finalLoss() {
        double[] values = finished.stream()
                .map(r -> r.metrics().loss())
                .filter(l -> !l.isEmpty())
                .mapToDouble(l -> l.get(l.size() - 1).loss())
                .toArray();
        return values.length == 0 ? null : Intervals.DEFAULT.seedMean(values);
    }

    /** The loss curve over finished seeds that logged loss, or null. */
    public LossBand lossBand() {
        var series = finished.stream()
                .map(r -> r.metrics().loss())
                .filter(l -> !l.isEmpty())
                .toList();
        return series.isEmpty()
                ? null
                : LossBand.overSeeds(
                        arm.label(), series.stream().map(LossPoint::byTokens).toList());
    }

    /** Whether the arm's runs are prefix-LMs ({@code model.arch: prefix_lm} in a finished run's config). */
    public boolean prefixLm() {
        return finished.stream()
                .anyMatch(
                        r -> r.config() != null && PREFIX_LM.matcher(r.config()).find());
    }

    /** Seeds of the finished runs, for tables. */
    public String seeds() {
        return Arrays.toString(finished.stream().mapToLong(RunResult::seed).toArray());
    }
}
