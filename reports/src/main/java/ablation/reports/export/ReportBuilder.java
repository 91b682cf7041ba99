package ablation.reports.export;

import static ablation.reports.lessons.VerdictRules.VERDICT_K;

import ablation.core.config.EvalMode;
import ablation.core.metric.MetricKeys;
import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalSettings;
import ablation.core.stats.Intervals;
import ablation.core.stats.LossBand;
import ablation.core.stats.PassMatrix;
import ablation.reports.charts.ChartPoint;
import ablation.reports.charts.ChartSeries;
import ablation.reports.charts.Charts;
import ablation.reports.export.Block.Code;
import ablation.reports.export.Block.Figure;
import ablation.reports.export.Block.Highlight;
import ablation.reports.export.Block.Paragraph;
import ablation.reports.export.Block.Table;
import ablation.reports.export.Block.Tone;
import ablation.reports.lessons.ArmSummary;
import ablation.reports.lessons.Comparison;
import ablation.reports.lessons.LessonAnalysis;
import ablation.reports.lessons.LessonAnalyzer;
import ablation.reports.lessons.Outcome;
import ablation.reports.lessons.Verdict;
import ablation.reports.lessons.VerdictRules;
import ablation.reports.model.Accuracy;
import ablation.reports.model.ArmRole;
import ablation.reports.model.BitsPerByte;
import ablation.reports.model.Domain;
import ablation.reports.model.Evaluation;
import ablation.reports.model.Lesson;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.LossPoint;
import ablation.reports.model.PromptCheck;
import ablation.reports.model.Provenance;
import ablation.reports.model.RunResult;
import ablation.reports.model.RunStatus;
import ablation.reports.model.StudyResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a study's results into report content: a summary with every lesson's verdict, a section
 * per lesson (claim, paper figure, verdict and rule, comparisons, arm tables, charts), and the
 * runs with their status, config diff, provenance and full config.
 */
public final class ReportBuilder {
    /** The interval an arm's pass@k carries, in words (see {@link Intervals}). */
    private static final String INTERVALS =
            "95% interval (t over seed means with 2 seeds or more, bootstrap over problems with 1)";

    private static final int DECIMALS = 3;

    private ReportBuilder() {}

    public static ReportContent build(StudyResults study) {
        List<LessonAnalysis> analyses = LessonAnalyzer.analyze(study);
        List<Section> sections = new ArrayList<>();
        sections.add(summary(study, analyses));
        for (LessonAnalysis analysis : analyses) sections.add(lesson(analysis));
        sections.add(runs(study));
        for (RunResult run : study.runs()) sections.add(run(run));
        if (study.baseConfig() != null) {
            sections.add(new Section(
                    "base-config", "Base config", 2, false, List.of(new Code("base config", study.baseConfig()))));
        }
        return new ReportContent(
                "Lesson report: " + study.name(),
                "Ablations of the CodeGen2 lessons (Nijkamp et al., 2023, arXiv:2305.02309)",
                sections);
    }

    private static Section summary(StudyResults study, List<LessonAnalysis> analyses) {
        List<Block> blocks = new ArrayList<>();
        if (study.description() != null && !study.description().isBlank())
            blocks.add(new Paragraph(study.description()));
        long finished = study.runs().stream().filter(RunResult::finished).count();
        blocks.add(new Paragraph(study.runs().size() + " runs planned: " + finished + " finished, "
                + count(study, RunStatus.FAILED) + " failed, " + count(study, RunStatus.MISSING) + " missing."
                + " Only finished runs enter the numbers and charts."));
        if (!study.unfinished().isEmpty()) {
            blocks.add(new Highlight(
                    "Runs that did not finish",
                    study.unfinished().stream().map(ReportBuilder::describe).collect(Collectors.joining("; ")),
                    Tone.WARNING));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Lesson lesson : Lesson.values()) {
            LessonAnalysis analysis = analyses.stream()
                    .filter(a -> a.design().lesson() == lesson)
                    .findFirst()
                    .orElse(null);
            if (analysis == null) {
                rows.add(List.of(
                        String.valueOf(lesson.number()),
                        lesson.title(),
                        "not tested",
                        "the study has no arms for this lesson"));
            } else {
                rows.add(List.of(
                        String.valueOf(lesson.number()),
                        lesson.title(),
                        analysis.verdict().outcome().word(),
                        analysis.verdict().rule()));
            }
        }
        blocks.add(new Table("Verdicts", List.of("#", "Lesson", "Verdict", "Rule"), rows));
        blocks.add(new Paragraph(methods()));
        promptSummary(study).ifPresent(blocks::add);
        return new Section("summary", "Summary", 2, false, blocks);
    }

    /**
     * How many prompts of all finished runs' evaluations had to be trimmed to fit the context, and
     * how many could not fit at all (those problems count as failed); empty when no run recorded it.
     */
    private static Optional<Block> promptSummary(StudyResults study) {
        List<PromptCheck> checks = study.runs().stream()
                .filter(RunResult::finished)
                .flatMap(r -> r.metrics().promptChecks().stream())
                .toList();
        if (checks.isEmpty()) return Optional.empty();
        int trimmed = checks.stream().mapToInt(PromptCheck::trimmed).sum();
        int unfit = checks.stream().mapToInt(PromptCheck::unfit).sum();
        String text = "Prompts: " + trimmed
                + " trimmed to fit the context (doctest examples cut first, never the signature) and "
                + unfit + " that could not fit (counted as failed), over " + checks.size()
                + " evaluations of finished runs; "
                + "each run's section gives them per evaluation with the samples' finish reasons.";
        return Optional.of(
                trimmed + unfit == 0 ? new Paragraph(text) : new Highlight("Prompts were cut", text, Tone.WARNING));
    }

    private static String methods() {
        IntervalSettings settings = Intervals.DEFAULT.settings();
        return "Method. pass@k is the unbiased estimator 1 - C(n-c, k)/C(n, k) per problem, averaged over problems. "
                + "With two seeds or more, an arm's " + settings.percent()
                + " interval is Student's t over its seed means, "
                + "and a difference between arms is Welch's t over the two arms' seed means: what another study would "
                + "redraw is the training seed. With one seed the interval is a percentile bootstrap over problems ("
                + settings.resamples() + " resamples, seed " + settings.seed()
                + "), paired by problem for differences; "
                + "it is blind to seed-to-seed spread, so such results are exploratory and carry no verdict. "
                + "Bits per byte are seed means with t intervals when there are at least 2 seeds. "
                + "Understanding is the share of minimal pairs (a held-out function's body against a mutant that fails its "
                + "tests, same prompt) where the model gives the correct body the higher log-probability, 0.5 being chance; "
                + "with one seed its interval is a bootstrap that resamples programs with their pairs, with several the seed "
                + "mean's t interval. NL last word is a LAMBADA-style cloze on held-out desk prose: a document is cut "
                + "before the last word of a sentence that names something the passage named before, and the model is "
                + "right when it gives that word a higher log-probability than each of 4 sentence-final words of other "
                + "documents (0.2 being chance); with one seed its interval resamples documents. "
                + "Intervals of a value in [0, 1] are cut at its ends. "
                + "Verdicts use pass@" + VERDICT_K + " sampled at T = "
                + VerdictRules.VERDICT_TEMPERATURE
                + " where the study sampled it (the Codex/CodeGen convention; pass@10 at T = 0.8). A difference smaller than the "
                + "lesson's margin (by default " + Math.round(LessonDesign.DEFAULT_MARGIN * 100)
                + "% of the reference arm's "
                + "value; each lesson prints its own) counts as negligible. A claim about every part (metric or arm) is an "
                + "intersection-union test; a claim about some part uses Holm's correction. With fewer than 2 seeds there is "
                + "no verdict: the lesson is exploratory, with its direction and intervals.";
    }

    private static Section lesson(LessonAnalysis analysis) {
        LessonDesign design = analysis.design();
        Lesson lesson = design.lesson();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Claim: " + lesson.claim()));
        blocks.add(new Paragraph("Paper: " + lesson.paperFigure() + "."));
        blocks.add(new Paragraph("Margin: " + Math.round(design.margin() * 1000) / 10.0
                + "% of the reference arm's value"
                + " (set per lesson with margin: in the study file)."));
        blocks.add(new Paragraph("Arms vary " + design.variedField() + ": "
                + design.arms().stream()
                        .map(a -> a.label() + " (" + role(a.role()) + ")")
                        .collect(Collectors.joining(", "))
                + "."));
        Verdict verdict = analysis.verdict();
        blocks.add(new Highlight("Verdict: " + verdict.outcome().word(), verdict.rule(), tone(verdict.outcome())));
        List<List<String>> comparisons = new ArrayList<>();
        for (Comparison c : analysis.comparisons()) {
            comparisons.add(List.of(
                    c.what(),
                    c.difference() == null ? "n/a" : c.difference().format(DECIMALS),
                    lesson.paperDifference(),
                    c.verdict().text()));
        }
        blocks.add(new Table(
                "Comparisons (positive: the treatment is better; "
                        + Intervals.DEFAULT.settings().percent() + " interval)",
                List.of("Comparison", "Ours", "Paper", "Verdict"),
                comparisons));
        for (ArmSummary arm : analysis.arms()) {
            if (arm.unfinished().isEmpty()) continue;
            String which =
                    arm.unfinished().stream().map(ReportBuilder::describe).collect(Collectors.joining("; "));
            blocks.add(new Highlight(
                    "Arm " + arm.label(),
                    arm.finished().isEmpty()
                            ? "no run finished, so it has no numbers in this report (" + which + ")"
                            : arm.unfinished().size() + " of "
                                    + arm.arm().runs().size() + " runs did not finish and are left out (" + which + ")",
                    Tone.WARNING));
        }
        String prefix = "lesson" + lesson.number();
        for (String benchmark : benchmarks(analysis, EvalMode.L2R))
            blocks.add(passTable(analysis, benchmark, EvalMode.L2R));
        for (EvalMode mode : infillModes(analysis))
            for (String benchmark : benchmarks(analysis, mode)) blocks.add(passTable(analysis, benchmark, mode));
        Table scalars = scalarTable(analysis);
        if (scalars != null) blocks.add(scalars);
        List<LossBand> bands = new ArrayList<>(analysis.arms().stream()
                .map(ArmSummary::lossBand)
                .filter(Objects::nonNull)
                .toList());
        for (ArmSummary arm : analysis.arms()) {
            for (RunResult run : arm.unfinished()) {
                if (!run.metrics().loss().isEmpty())
                    bands.add(LossBand.overSeeds(
                            run.name() + ", " + run.status().word(),
                            List.of(LossPoint.byTokens(run.metrics().loss()))));
            }
        }
        if (!bands.isEmpty()) {
            blocks.add(new Figure(
                    prefix + "-loss",
                    "Training loss against tokens; line: mean over seeds, band: min to max over seeds; "
                            + "runs that did not finish are drawn alone, up to where they stopped.",
                    Charts.lossCurves("Lesson " + lesson.number() + ": training loss", bands)));
        }
        String curves = passCurveBenchmark(analysis);
        if (curves != null) {
            blocks.add(new Figure(
                    prefix + "-passk",
                    "pass@k against k on " + curves + " (L2R), with "
                            + Intervals.DEFAULT.settings().percent() + " intervals.",
                    Charts.passAtK(
                            "Lesson " + lesson.number() + ": L2R pass@k on " + curves,
                            passCurves(analysis, curves, EvalMode.L2R))));
        }
        blocks.addAll(lessonFigures(analysis, prefix));
        return new Section(prefix, "Lesson " + lesson.number() + ": " + lesson.title(), 2, true, blocks);
    }

    /** The chart particular to each lesson. */
    private static List<Block> lessonFigures(LessonAnalysis analysis, String prefix) {
        Lesson lesson = analysis.design().lesson();
        String l2r = analysis.l2rBenchmark();
        String infill = analysis.infillBenchmark();
        List<Block> figures = new ArrayList<>();
        switch (lesson) {
            case INFILL_COST -> {
                if (l2r == null || infill == null) {
                    figures.add(new Paragraph("No frontier chart: it needs both an L2R and an infill evaluation."));
                    break;
                }
                List<ChartPoint> points = pointsByLevel(analysis, a -> {
                    Estimate x = a.passAtK(l2r, EvalMode.L2R, 1);
                    Estimate y = a.passAtK(infill, analysis.infillMode(), 1);
                    return x == null || y == null ? null : ChartPoint.labelled(a.label(), x, y);
                });
                figures.add(new Figure(
                        prefix + "-frontier",
                        "L2R pass@1 (" + l2r + ") against "
                                + analysis.infillMode().title() + " pass@1 (" + infill
                                + ") per arm: the cost of infill training, if any, shows as a step left.",
                        Charts.infillFrontier(
                                "Lesson 2: infill vs left-to-right",
                                analysis.infillMode().title(),
                                List.of(new ChartSeries(analysis.design().variedField(), points)))));
            }
            case OBJECTIVE -> {
                if (infill != null) {
                    figures.add(new Figure(
                            prefix + "-infill-passk",
                            "pass@k against k on " + infill + " ("
                                    + analysis.infillMode().title() + "), with " + INTERVALS + ".",
                            Charts.passAtK(
                                    "Lesson 3: " + analysis.infillMode().title() + " pass@k on " + infill,
                                    passCurves(analysis, infill, analysis.infillMode()))));
                }
            }
            case MIXTURE -> {
                if (l2r == null) break;
                List<ChartPoint> points = pointsByLevel(analysis, a -> {
                    Estimate x = a.bitsPerByteEstimate(Domain.NL);
                    Estimate y = a.passAtK(l2r, EvalMode.L2R, VERDICT_K);
                    return x == null || y == null ? null : ChartPoint.labelled(a.label(), x, y);
                });
                if (points.isEmpty()) {
                    figures.add(
                            new Paragraph("No mixture chart: no arm has both NL bits per byte and an L2R evaluation."));
                    break;
                }
                figures.add(new Figure(
                        prefix + "-mixture",
                        "PL pass@" + VERDICT_K + " (" + l2r + ") against NL bits per byte per mixture; "
                                + "up and to the left is better in both domains.",
                        Charts.mixture(
                                "Lesson 4: programming vs natural language",
                                List.of(new ChartSeries("mixture", points)),
                                VERDICT_K)));
            }
            case EPOCHS -> {
                if (l2r == null) break;
                List<ChartSeries> series = new ArrayList<>();
                for (int k : ks(analysis, l2r, EvalMode.L2R)) {
                    series.add(new ChartSeries("pass@" + k, pointsByLevel(analysis, a -> {
                        Estimate y = a.passAtK(l2r, EvalMode.L2R, k);
                        return y == null || !a.ks(l2r, EvalMode.L2R).contains(k)
                                ? null
                                : ChartPoint.at(a.arm().level(), y);
                    })));
                }
                figures.add(new Figure(
                        prefix + "-epochs",
                        "pass@k on " + l2r + " against epochs over the capped source, at an equal token budget.",
                        Charts.epochs("Lesson 5: epochs", series)));
            }
            case PREFIX_LM -> {}
        }
        return figures;
    }

    /** One point per arm with a level (others left out), in order of level. */
    private static List<ChartPoint> pointsByLevel(LessonAnalysis analysis, Function<ArmSummary, ChartPoint> point) {
        return analysis.arms().stream()
                .filter(a -> a.arm().hasLevel() && !a.finished().isEmpty())
                .sorted(Comparator.comparingDouble(a -> a.arm().level()))
                .map(point)
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<ChartSeries> passCurves(LessonAnalysis analysis, String benchmark, EvalMode mode) {
        List<ChartSeries> series = new ArrayList<>();
        for (ArmSummary arm : analysis.arms()) {
            List<ChartPoint> points = arm.ks(benchmark, mode).stream()
                    .map(k -> ChartPoint.at(k, arm.passAtK(benchmark, mode, k)))
                    .toList();
            if (!points.isEmpty()) series.add(new ChartSeries(arm.label(), points));
        }
        return series;
    }

    /** pass@k per arm on one benchmark, pooled over seeds, for every k some arm reports. */
    private static Table passTable(LessonAnalysis analysis, String benchmark, EvalMode mode) {
        List<Integer> ks = ks(analysis, benchmark, mode);
        List<String> header = new ArrayList<>(List.of("Arm", "Seeds"));
        ks.forEach(k -> header.add("pass@" + k));
        List<List<String>> rows = new ArrayList<>();
        for (ArmSummary arm : analysis.arms()) {
            if (arm.evaluations(benchmark, mode).isEmpty()) continue;
            List<String> row = new ArrayList<>(List.of(arm.label(), arm.seeds()));
            List<Integer> armKs = arm.ks(benchmark, mode);
            for (int k : ks)
                row.add(armKs.contains(k) ? arm.passAtK(benchmark, mode, k).format(DECIMALS) : "n/a");
            rows.add(row);
        }
        return new Table(
                "pass@k on " + benchmark + " (" + mode.title() + "), seed mean with its " + INTERVALS, header, rows);
    }

    private static List<Integer> ks(LessonAnalysis analysis, String benchmark, EvalMode mode) {
        return analysis.arms().stream()
                .flatMap(a -> a.ks(benchmark, mode).stream())
                .distinct()
                .sorted()
                .toList();
    }

    /** Held-out bits per byte and understanding per arm, or null when no arm has any. */
    private static Table scalarTable(LessonAnalysis analysis) {
        boolean pl = analysis.arms().stream().anyMatch(a -> a.bitsPerByteEstimate(Domain.PL) != null);
        boolean nl = analysis.arms().stream().anyMatch(a -> a.bitsPerByteEstimate(Domain.NL) != null);
        boolean understanding = analysis.arms().stream().anyMatch(a -> a.accuracy(MetricKeys.UNDERSTANDING) != null);
        boolean lastWord = analysis.arms().stream().anyMatch(a -> a.accuracy(MetricKeys.LAST_WORD) != null);
        if (!pl && !nl && !understanding && !lastWord) return null;
        List<String> header = new ArrayList<>(List.of("Arm", "Seeds"));
        if (pl) header.add("PL bits/byte");
        if (nl) header.add("NL bits/byte");
        if (lastWord) header.add("NL last word");
        if (understanding) header.add("understanding");
        List<List<String>> rows = new ArrayList<>();
        for (ArmSummary arm : analysis.arms()) {
            if (arm.finished().isEmpty()) continue;
            List<String> row = new ArrayList<>(List.of(arm.label(), arm.seeds()));
            if (pl) row.add(bitsPerByte(arm, Domain.PL));
            if (nl) row.add(bitsPerByte(arm, Domain.NL));
            if (lastWord) row.add(accuracy(arm, MetricKeys.LAST_WORD));
            if (understanding) row.add(accuracy(arm, MetricKeys.UNDERSTANDING));
            rows.add(row);
        }
        return new Table("Held-out metrics, 95% intervals (see Method)", header, rows);
    }

    /**
     * An arm's bits per byte, or "not comparable" for a prefix-LM: it is scored left to right with no
     * prefix, a pattern it never trained on, so its figure would not measure what the causal one does.
     */
    private static String bitsPerByte(ArmSummary arm, Domain domain) {
        if (arm.prefixLm()) return "not comparable (prefix-LM scored without a prefix)";
        return format(arm.bitsPerByteEstimate(domain));
    }

    /** An arm's accuracy on a test with its interval, or "not measured". */
    private static String accuracy(ArmSummary arm, String key) {
        Estimate estimate = arm.accuracy(key);
        return estimate == null ? "not measured" : format(estimate);
    }

    private static Section runs(StudyResults study) {
        List<List<String>> rows = new ArrayList<>();
        for (RunResult run : study.runs()) {
            rows.add(List.of(
                    run.name(),
                    run.status().word(),
                    String.valueOf(run.seed()),
                    run.lessons().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    diff(run),
                    run.cellKey() == null
                            ? ""
                            : run.cellKey()
                                    .substring(0, Math.min(10, run.cellKey().length()))));
        }
        return new Section(
                "runs",
                "Runs",
                2,
                true,
                List.of(new Table(
                        "Every planned run",
                        List.of("Run", "Status", "Seed", "Lessons", "Differs from base", "Cell"),
                        rows)));
    }

    private static Section run(RunResult run) {
        List<Block> blocks = new ArrayList<>();
        if (!run.finished()) {
            blocks.add(new Highlight(
                    "Status: " + run.status().word(),
                    run.statusDetail() == null ? "no detail recorded" : run.statusDetail(),
                    Tone.WARNING));
        }
        blocks.add(new Paragraph("Differs from base: " + diff(run) + "."));
        List<Evaluation> evaluations = run.metrics().evaluations();
        List<Integer> ks = evaluations.stream()
                .flatMap(e -> e.ks().stream())
                .distinct()
                .sorted()
                .toList();
        if (!evaluations.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("Benchmark", "Problems"));
            ks.forEach(k -> header.add("pass@" + k));
            header.add("Prompts trimmed / not fitting");
            header.add("Samples ended by stop token / stop sequence / length");
            List<List<String>> rows = new ArrayList<>();
            for (Evaluation e : evaluations) {
                int minN = e.problems().stream().mapToInt(p -> p.n()).min().orElseThrow();
                List<String> row = new ArrayList<>(
                        List.of(e.key(), String.valueOf(e.problems().size())));
                for (int k : ks) {
                    row.add(
                            e.ks().contains(k) && k <= minN
                                    ? Intervals.DEFAULT
                                            .of(PassMatrix.of(List.of(e.problems()), k))
                                            .format(DECIMALS)
                                    : "n/a");
                }
                PromptCheck check = run.metrics()
                        .promptCheck(
                                e.benchmark(),
                                e.mode() == EvalMode.L2R ? "l2r" : e.mode().label());
                row.add(check == null ? "not recorded" : check.trimmed() + " / " + check.unfit());
                row.add(
                        check == null
                                ? "not recorded"
                                : check.finishes().getOrDefault("stop_token", 0) + " / "
                                        + check.finishes().getOrDefault("stop_sequence", 0) + " / "
                                        + check.finishes().getOrDefault("length", 0));
                rows.add(row);
            }
            blocks.add(new Table(
                    "Evaluations, 95% bootstrap interval over problems; a prompt that does not fit the context "
                            + "even trimmed counts as failed",
                    header, rows));
        }
        List<String> held = new ArrayList<>();
        for (BitsPerByte b : run.metrics().bitsPerByte())
            held.add(b.source() + " (" + b.domain() + ") " + Estimate.number(b.value(), DECIMALS) + " bits/byte");
        Accuracy lastWord = run.metrics().accuracy(MetricKeys.LAST_WORD);
        if (lastWord != null) held.add("NL last word " + lastWord.estimate().format(DECIMALS));
        Accuracy understanding = run.metrics().accuracy(MetricKeys.UNDERSTANDING);
        if (understanding != null)
            held.add("understanding " + understanding.estimate().format(DECIMALS));
        if (!held.isEmpty()) blocks.add(new Paragraph("Held-out: " + String.join("; ", held) + "."));
        blocks.add(new Paragraph("Provenance: " + provenance(run.provenance()) + "."));
        if (run.config() != null) blocks.add(new Code("config of " + run.name(), run.config()));
        return new Section(
                "run-" + run.name().replaceAll("[^A-Za-z0-9_-]", "_"), "Run " + run.name(), 3, false, blocks);
    }

    private static String provenance(Provenance p) {
        List<String> parts = new ArrayList<>();
        add(parts, "app", p.appVersion());
        add(parts, "DJL", p.djlVersion());
        add(parts, "PyTorch", p.pytorchVersion());
        add(parts, "device", p.device());
        add(parts, "host", p.host());
        add(parts, "Java", p.javaVersion());
        add(parts, "started", p.started());
        add(parts, "ended", p.ended());
        return parts.isEmpty() ? "unknown" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String field, Object value) {
        if (value != null) parts.add(field + " " + value);
    }

    private static String diff(RunResult run) {
        if (run.configDiff().isEmpty()) return "nothing (the base)";
        return run.configDiff().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String describe(RunResult run) {
        return run.name() + " (" + run.status().word() + (run.statusDetail() == null ? "" : ": " + run.statusDetail())
                + ")";
    }

    private static long count(StudyResults study, RunStatus status) {
        return study.runs().stream().filter(r -> r.status() == status).count();
    }

    /**
     * The L2R benchmark whose arms report the most ks: pass@k sampled at T = 0.8 rather than the
     * verdict's pass@1 at T = 0.2; null without an L2R evaluation.
     */
    private static String passCurveBenchmark(LessonAnalysis analysis) {
        String best = null;
        int most = 0;
        for (String benchmark : benchmarks(analysis, EvalMode.L2R)) {
            int ks = analysis.arms().stream()
                    .mapToInt(a -> a.ks(benchmark, EvalMode.L2R).size())
                    .max()
                    .orElse(0);
            if (ks > most) {
                best = benchmark;
                most = ks;
            }
        }
        return best;
    }

    /** The infill modes to tabulate, the verdict's first. */
    private static List<EvalMode> infillModes(LessonAnalysis analysis) {
        List<EvalMode> modes = new ArrayList<>(List.of(analysis.infillMode()));
        for (EvalMode mode : EvalMode.values()) if (mode.isInfill() && !modes.contains(mode)) modes.add(mode);
        return modes;
    }

    /** The benchmarks in a mode that the lesson's arms were evaluated on, the verdict's first. */
    private static Set<String> benchmarks(LessonAnalysis analysis, EvalMode mode) {
        Set<String> benchmarks = new LinkedHashSet<>();
        String first = mode == EvalMode.L2R
                ? analysis.l2rBenchmark()
                : mode == analysis.infillMode() ? analysis.infillBenchmark() : null;
        if (first != null) benchmarks.add(first);
        for (ArmSummary arm : analysis.arms()) {
            for (RunResult run : arm.finished()) {
                run.metrics().evaluations().stream()
                        .filter(e -> e.mode() == mode)
                        .forEach(e -> benchmarks.add(e.benchmark()));
            }
        }
        return benchmarks;
    }

    private static String role(ArmRole role) {
        return switch (role) {
            case BASELINE -> "baseline";
            case TREATMENT -> "treatment";
            case PL_ONLY -> "PL only";
            case NL_ONLY -> "NL only";
            case OTHER -> "shown, not judged";
        };
    }

    private static Tone tone(Outcome outcome) {
        return switch (outcome) {
            case SUPPORTS -> Tone.POSITIVE;
            case CONTRADICTS -> Tone.NEGATIVE;
            case INCONCLUSIVE, EXPLORATORY -> Tone.NEUTRAL;
        };
    }

    private static String format(Estimate e) {
        return e == null ? "n/a" : e.format(DECIMALS);
    }
}
