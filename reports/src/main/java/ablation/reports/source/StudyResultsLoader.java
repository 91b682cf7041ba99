package ablation.reports.source;

import ablation.core.spec.Axis;
import ablation.core.spec.RunSpec;
import ablation.reports.model.Lesson;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.Provenance;
import ablation.reports.model.RunMetrics;
import ablation.reports.model.RunResult;
import ablation.reports.model.RunStatus;
import ablation.reports.model.StudyResults;
import ablation.reports.source.LessonDesigns.Cell;
import ablation.reports.source.StoredSpec.PlannedAblation;
import ablation.storage.TrackingStore;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a study's {@link StudyResults} from the tracking store: every planned run with its status
 * (finished; failed, with its error, or cancelled; queued, running or orphaned ones are missing),
 * its config diff from the study's base, seed, cell key and provenance; the measurements of runs
 * that started (loss curve, final evaluations, bits per byte, understanding, see
 * {@link RunMeasurements}); and each lesson's arms, re-derived from the stored spec (an arm is a
 * cell of the lesson's grid with its seeds pooled; roles by {@link LessonDesigns}). A study with
 * missing or failed runs, or whose spec no longer expands, still loads: what could not be derived
 * is said in the study's description.
 */
public final class StudyResultsLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyResultsLoader() {}

    public static StudyResults load(TrackingStore store, String studyName) {
        Study study = store.studies().require(studyName);
        List<Run> stored = store.runs().list(study.id());
        StoredSpec spec = StoredSpec.read(study);
        List<String> notes = new ArrayList<>(spec.notes());
        Map<Long, List<MetricSummary>> summaries = store.metrics().summariesOfStudy(study.id());

        Map<String, RunSpec> planned = new LinkedHashMap<>();
        for (PlannedAblation ablation : spec.ablations())
            ablation.runs().forEach(run -> planned.putIfAbsent(run.configHash(), run));
        Map<String, Set<Integer>> lessonsOf = spec.lessonsByConfigHash();
        Map<Long, JsonNode> configs = new LinkedHashMap<>();
        for (Run run : stored) configs.put(run.id(), ConfigDiff.parse(run.configJson()));
        Map<String, JsonNode> base = spec.diffBase(configs.values());

        List<RunResult> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> nameOf = new HashMap<>(); // config hash -> run name in the results
        Map<String, String> storedNameOf = new HashMap<>(); // stored run name -> its name in the results
        Map<String, JsonNode> configOf = new HashMap<>(); // run name in the results -> config
        for (Run run : stored) {
            JsonNode config = configs.get(run.id());
            String name = unique(run.name(), "run " + run.id(), names);
            Set<Integer> lessons = lessonsOf.getOrDefault(run.configHash(), Set.of());
            RunStatus status = status(run);
            RunMetrics metrics = status == RunStatus.MISSING
                    ? RunMetrics.NONE
                    : measure(store, run, config, summaries.getOrDefault(run.id(), List.of()));
            results.add(new RunResult(
                    name,
                    status,
                    detail(run),
                    seed(config),
                    run.cellKey(),
                    lessons,
                    ConfigDiff.fromBaseAsText(base, config),
                    pretty(config),
                    provenance(run),
                    metrics));
            nameOf.putIfAbsent(run.configHash(), name);
            storedNameOf.putIfAbsent(run.name(), name);
            configOf.put(name, config);
        }
        for (RunSpec run : planned.values()) {
            if (nameOf.containsKey(run.configHash())) continue;
            String storedName =
                    storedNameOf.get(run.name()); // same run, its config hashed differently since it was queued
            if (storedName != null) {
                nameOf.put(run.configHash(), storedName);
                continue;
            }
            JsonNode config = ConfigDiff.parse(run.configJson());
            String name = unique(run.name(), "planned", names);
            results.add(new RunResult(
                    name,
                    RunStatus.MISSING,
                    "planned by the study's spec but never queued",
                    run.seed(),
                    run.cellKey(),
                    lessonsOf.getOrDefault(run.configHash(), Set.of()),
                    ConfigDiff.fromBaseAsText(base, config),
                    pretty(config),
                    null,
                    null));
            nameOf.put(run.configHash(), name);
            configOf.put(name, config);
        }

        List<LessonDesign> designs = designs(spec, nameOf, configOf, notes);
        String description = spec.description();
        if (!notes.isEmpty())
            description =
                    (description == null || description.isBlank() ? "" : description + " ") + String.join(" ", notes);
        return new StudyResults(
                study.name(),
                description,
                spec.baseConfig() == null ? null : pretty(spec.baseConfig()),
                results,
                designs);
    }

    /**
     * Stored runs picked by id, measured exactly as {@link #load} measures a study's runs, so that a
     * view grouping runs its own way ({@code ArmSummary} over any runs) shows the report's numbers.
     * Names are the stored ones; no config diff or lessons are derived.
     */
    public static List<RunResult> runs(TrackingStore store, List<Long> runIds) {
        List<RunResult> results = new ArrayList<>();
        for (long id : runIds) {
            Run run = store.runs().require(id);
            JsonNode config = ConfigDiff.parse(run.configJson());
            RunStatus status = status(run);
            RunMetrics metrics = status == RunStatus.MISSING
                    ? RunMetrics.NONE
                    : measure(store, run, config, store.metrics().summaries(id));
            results.add(new RunResult(
                    run.name(),
                    status,
                    detail(run),
                    seed(config),
                    run.cellKey(),
                    Set.of(),
                    Map.of(),
                    pretty(config),
                    provenance(run),
                    metrics));
        }
        return results;
    }

    /** A design for each lesson the spec's ablations test, unless its arms lack a role its verdict needs (then a note). */
    private static List<LessonDesign> designs(
            StoredSpec spec, Map<String, String> nameOf, Map<String, JsonNode> configOf, List<String> notes) {
        List<LessonDesign> designs = new ArrayList<>();
        for (Lesson lesson : Lesson.values()) {
            List<PlannedAblation> ablations = spec.ablations().stream()
                    .filter(a -> a.ablation().lesson() == lesson.number())
                    .toList();
            if (ablations.isEmpty()) continue;
            List<Cell> cells = cells(ablations, nameOf, configOf);
            double margin = ablations.get(0).ablation().margin();
            LessonDesigns.design(lesson, variedField(ablations, cells), cells, margin, notes)
                    .ifPresent(designs::add);
        }
        return designs;
    }

    /** The lesson's grid cells in grid order, each with its seeds' runs; a cell two ablations share appears once. */
    private static List<Cell> cells(
            List<PlannedAblation> ablations, Map<String, String> nameOf, Map<String, JsonNode> configOf) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Set<String>> runs = new LinkedHashMap<>();
        for (PlannedAblation ablation : ablations) {
            for (RunSpec run : ablation.runs()) {
                labels.putIfAbsent(run.cellKey(), label(ablation.ablation().axes(), run));
                runs.computeIfAbsent(run.cellKey(), k -> new LinkedHashSet<>()).add(nameOf.get(run.configHash()));
            }
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, Set<String>> cell : runs.entrySet()) {
            List<String> names = List.copyOf(cell.getValue());
            cells.add(new Cell(
                    unique(labels.get(cell.getKey()), "cell " + (cells.size() + 1), used),
                    configOf.get(names.get(0)),
                    names));
        }
        return cells;
    }

    /** {@code fim=0.5} or {@code arch=prefix_lm,lr=0.001}: the run's axis labels in axis order, the seed left out. */
    private static String label(List<Axis> axes, RunSpec run) {
        if (axes.isEmpty()) return "base";
        return String.join(
                ",",
                axes.stream()
                        .map(a -> a.name() + "=" + run.axisLabels().get(a.name()))
                        .toList());
    }

    /**
     * What the lesson's arms vary: a scalar axis's path, {@code epochs}, and for an axis of maps or
     * lists (an objective mix, the sources, the whole config) the fields its cells actually differ in.
     */
    private static String variedField(List<PlannedAblation> ablations, List<Cell> cells) {
        Set<String> differing = new LinkedHashSet<>();
        for (Cell cell : cells) {
            ConfigDiff.between(cells.get(0).config(), cell.config()).keySet().stream()
                    .filter(path -> !ConfigDiff.NOT_DIFFED_FROM_BASE.contains(path))
                    .forEach(differing::add);
        }
        Set<String> fields = new LinkedHashSet<>();
        for (PlannedAblation ablation : ablations) {
            for (Axis axis : ablation.ablation().axes()) {
                if (axis.path().equals(Axis.EPOCHS) || axis.values().stream().allMatch(JsonNode::isValueNode)) {
                    fields.add(axis.path());
                } else {
                    differing.stream()
                            .filter(path -> axis.path().isEmpty()
                                    || path.startsWith(axis.path() + ".")
                                    || path.startsWith(axis.path() + "["))
                            .forEach(fields::add);
                }
            }
        }
        return fields.isEmpty() ? "nothing (one arm)" : String.join(", ", fields);
    }

    private static RunMetrics measure(TrackingStore store, Run run, JsonNode config, List<MetricSummary> summaries) {
        return new RunMetrics(
                RunMeasurements.loss(store, run.id()),
                RunMeasurements.finalEvaluations(store, run.id(), config).stream()
                        .map(RunMeasurements.FinalEvaluation::evaluation)
                        .toList(),
                RunMeasurements.bitsPerByte(summaries, config),
                RunMeasurements.evalScalars(summaries),
                RunMeasurements.promptChecks(summaries));
    }

    /** Finished; failed or cancelled (what they logged is kept); queued, running or orphaned count as missing. */
    static RunStatus status(Run run) {
        return switch (run.status()) {
            case FINISHED -> RunStatus.FINISHED;
            case FAILED, CANCELLED -> RunStatus.FAILED;
            case QUEUED, RUNNING, ORPHANED -> RunStatus.MISSING;
        };
    }

    /** Why a run has no result: the first line of its error, or its state. */
    static String detail(Run run) {
        return switch (run.status()) {
            case FINISHED -> null;
            case FAILED ->
                run.error() == null || run.error().isBlank()
                        ? "failed"
                        : run.error().lines().findFirst().orElse("failed");
            case CANCELLED -> "cancelled";
            case QUEUED -> "queued, not started yet";
            case RUNNING -> "still running";
            case ORPHANED -> "orphaned: its worker stopped; starting the study again resumes it";
        };
    }

    static long seed(JsonNode config) {
        return config.path("train").path("seed").asLong(0);
    }

    private static Provenance provenance(Run run) {
        ablation.storage.run.Provenance p = run.provenance();
        return new Provenance(
                p.appVersion(),
                p.djlVersion(),
                p.pytorchVersion(),
                p.device(),
                p.host(),
                p.javaVersion(),
                run.startedAt(),
                run.endedAt());
    }

    private static String unique(String name, String qualifier, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) candidate = name + " (" + qualifier + (i > 2 ? ", " + i : "") + ")";
        return candidate;
    }

    static String pretty(JsonNode config) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
