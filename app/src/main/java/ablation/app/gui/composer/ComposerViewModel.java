package ablation.app.gui.composer;

import ablation.app.gui.Background;
import ablation.app.gui.Formats;
import ablation.app.gui.Scheduler;
import ablation.app.gui.studies.RunTemplate;
import ablation.core.WorkbenchException;
import ablation.core.config.Arch;
import ablation.core.config.Choice;
import ablation.core.config.ConfigException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.EvalMode;
import ablation.core.config.FimFormat;
import ablation.core.config.ObjectiveKind;
import ablation.core.config.SourceKind;
import ablation.core.spec.Ablation;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.Axis;
import ablation.core.spec.Match;
import ablation.core.spec.SpecLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the ablation composer. The form edits a study: its base config (scalar
 * fields, objective weights, sources, evaluations), its axes and seeds. Every edit schedules a
 * preview: after a short pause the study is written as YAML, read back through {@link SpecLoader}
 * and expanded off the FX thread; the result is the grid table, or the error that makes the study
 * invalid (which also disables launching). Saving writes that same YAML.
 *
 * <p>Only values that differ from the defaults, or that the file already had, are written into
 * the base, and settings the form does not show are kept, so a saved study reads like one written
 * by hand.
 */
public final class ComposerViewModel {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String[] ARCHITECTURES = Choice.labels(Arch.class).toArray(String[]::new);
    public static final String[] FIM_FORMATS = Choice.labels(FimFormat.class).toArray(String[]::new);
    public static final String[] MATCHES = Choice.labels(Match.class).toArray(String[]::new);
    public static final String[] COMBINES = {Ablation.GRID, Ablation.ZIP};
    /** Config paths offered for an "any field" axis: the numeric settings researchers vary most. */
    public static final List<String> NUMERIC_PATHS = List.of(
            "model.layers",
            "model.d_model",
            "model.heads",
            "model.rotary_dim",
            "model.context",
            "tokenizer.train.vocab_size",
            "objective.fim_rate",
            "objective.fim_spm_share",
            "objective.span.ratio_max",
            "objective.span.length_max",
            "train.batch",
            "train.lr",
            "train.warmup",
            "train.min_lr",
            "train.weight_decay",
            "data.sources[0].weight",
            "data.sources[1].weight");

    private final Background background;
    private final Optional<StudyLauncher> launcher;
    private final double flopsPerSecond;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty seeds = new SimpleStringProperty(this, "seeds", "1");
    private final StringProperty match = new SimpleStringProperty(this, "match", Match.TOKENS.label());
    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final DoubleProperty[] objective = new DoubleProperty[ObjectiveKind.values().length];
    private final BooleanProperty tokenizerFromFile = new SimpleBooleanProperty(this, "tokenizerFromFile");
    private final ObservableList<SourceDraft> sources = FXCollections.observableArrayList(SourceDraft::observables);
    private final ObservableList<EvalDraft> evals = FXCollections.observableArrayList(EvalDraft::observables);
    private final ObservableList<AblationDraft> ablations =
            FXCollections.observableArrayList(AblationDraft::observables);
    private final ObjectProperty<AblationDraft> selectedAblation = new SimpleObjectProperty<>(this, "selectedAblation");

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ObservableList<PreviewRow> previewRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper previewCurrent = new ReadOnlyBooleanWrapper(this, "previewCurrent");
    private final ReadOnlyBooleanWrapper launching = new ReadOnlyBooleanWrapper(this, "launching");
    private final BooleanBinding launchable;

    private final Scheduler scheduler;
    private final Duration debounceDelay;
    /** The pending preview after an edit, or null. */
    private Scheduler.Timer debounce;

    private long generation;
    private Preview preview;
    private ObjectNode loadedBase = NODES.objectNode();
    private boolean loading;
    private boolean adjustingObjective;

    /**
     * @param launcher the run queue, absent where none is wired (launching then stays disabled)
     * @param flopsPerSecond training throughput the time estimates assume
     * @param debounceDelay pause after the last edit before the preview is recomputed
     */
    public ComposerViewModel(
            Background background,
            Scheduler scheduler,
            Optional<StudyLauncher> launcher,
            double flopsPerSecond,
            Duration debounceDelay) {
        this.background = background;
        this.scheduler = scheduler;
        this.debounceDelay = debounceDelay;
        this.launcher = launcher;
        this.flopsPerSecond = flopsPerSecond;
        addField("model.arch", FormField.Type.TEXT);
        addField("model.layers", FormField.Type.INT);
        addField("model.d_model", FormField.Type.INT);
        addField("model.heads", FormField.Type.INT);
        addField("model.rotary_dim", FormField.Type.INT);
        addField("model.context", FormField.Type.INT);
        addField("tokenizer.train.vocab_size", FormField.Type.INT);
        addField("objective.fim_rate", FormField.Type.DOUBLE);
        addField("objective.fim_format", FormField.Type.TEXT);
        addField("objective.fim_spm_share", FormField.Type.DOUBLE);
        addField("train.tokens", FormField.Type.LONG);
        addField("train.batch", FormField.Type.INT);
        addField("train.lr", FormField.Type.DOUBLE);
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            objective[kind.ordinal()] = new SimpleDoubleProperty(this, kind.label());
            objective[kind.ordinal()].addListener((obs, old, now) -> moveObjective(kind, now.doubleValue()));
        }
        InvalidationListener edited = o -> {
            // read the value: an invalid property tells no more invalidations, and nothing else may read it
            if (o instanceof ObservableValue<?> value) value.getValue();
            edited();
        };
        List<Observable> watched = new ArrayList<>(List.of(name, description, seeds, match, sources, evals, ablations));
        fields.values().forEach(f -> watched.add(f.textProperty()));
        watched.addAll(List.of(objective));
        watched.forEach(o -> o.addListener(edited));
        launchable = previewCurrent
                .and(error.isNull())
                .and(launching.not())
                .and(new SimpleBooleanProperty(launcher.isPresent()));
    }

    private void addField(String path, FormField.Type type) {
        fields.put(path, new FormField(path, type));
    }

    // ---- commands -------------------------------------------------------------------------

    /** A new study from the built-in starting point: one desk-scale source, causal LM, no axes yet. */
    public void newStudy() {
        try (InputStream in = ComposerViewModel.class.getResourceAsStream("new-study.yaml")) {
            load(SpecLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a study file for editing. */
    public void open(Path studyFile) {
        load(SpecLoader.load(studyFile), studyFile.toAbsolutePath().normalize());
    }

    /** A new, unsaved study that starts as a copy of a template. */
    public void openTemplate(Path template) {
        load(SpecLoader.load(template), null);
        dirty.set(true);
    }

    /** A new, unsaved study whose base is the run config in {@code runConfig}, with no axes yet. */
    public void openRunConfig(Path runConfig) {
        load(RunTemplate.study(runConfig), null);
        dirty.set(true);
    }

    /** Writes the study as YAML; throws the error that makes it unwritable (a field that is not a number). */
    public void save(Path target) {
        String yaml = studyYaml();
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(target, yaml);
        } catch (IOException e) {
            throw new WorkbenchException("cannot save study to " + target + ": " + e.getMessage(), e);
        }
        file.set(target.toAbsolutePath().normalize());
        dirty.set(false);
    }

    /**
     * Launches the previewed study (saved first by the caller: {@link #launchable()} and a file with
     * no unsaved edits). Reports the launcher's message or error on the FX thread.
     */
    public void launch(Consumer<String> onLaunched, Consumer<Throwable> onError) {
        if (!launchable.get() || file.get() == null || dirty.get()) {
            throw new IllegalStateException("launch needs a valid, saved study");
        }
        AblationSpec spec = preview.spec();
        Path studyFile = file.get();
        launching.set(true);
        background.run(
                () -> launcher.orElseThrow().launch(spec, studyFile),
                message -> {
                    launching.set(false);
                    onLaunched.accept(message);
                },
                e -> {
                    launching.set(false);
                    onError.accept(e);
                });
    }

    /** Adds an axis to the selected ablation. */
    public void addAxis(AxisDraft axis) {
        selectedAblation.get().axes().add(axis);
    }

    public void removeAxis(AxisDraft axis) {
        selectedAblation.get().axes().remove(axis);
    }

    /** Adds a data source (weight 0, so the mixture is unchanged until the user moves its slider). */
    public void addSource() {
        int n = sources.size() + 1;
        String candidate = "source" + n;
        while (sourceNamed(candidate)) candidate = "source" + ++n;
        sources.add(SourceDraft.of(candidate, SourceKind.DESK_NL.label(), 0));
    }

    private boolean sourceNamed(String sourceName) {
        return sources.stream().anyMatch(s -> s.nameProperty().get().equals(sourceName));
    }

    public void addEval() {
        evals.add(EvalDraft.of("desk-infill", EvalMode.INFILL.label()));
    }

    // ---- building the study ---------------------------------------------------------------

    /** The study file the composer would save, as YAML (snake_case keys, as in sample-configs). */
    public String studyYaml() {
        return StudyYaml.write(buildStudy());
    }

    /** The study tree; throws a {@link ConfigException} naming the first field that cannot be read. */
    ObjectNode buildStudy() {
        ObjectNode base = buildBase();
        return StudyTree.study(
                name.get().trim(),
                description.get().trim(),
                base,
                ablations,
                baseView(base),
                parseSeeds(),
                match.get());
    }

    private ObjectNode buildBase() {
        ObjectNode base = loadedBase.deepCopy();
        for (FormField field : fields.values()) {
            if (field.path().startsWith("tokenizer.") && tokenizerFromFile.get()) continue;
            StudyTree.writeIfSet(base, field.path(), field.value());
        }
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            StudyTree.writeIfSet(
                    base,
                    "objective." + kind.label(),
                    NODES.numberNode(ObjectiveMix.round(objective[kind.ordinal()].get())));
        }
        ArrayNode sourceList = NODES.arrayNode();
        sources.forEach(s -> sourceList.add(s.toNode()));
        StudyTree.objectAt(base, "data").set("sources", sourceList);
        if (!evals.isEmpty() || base.has("eval")) {
            ArrayNode evalList = base.putArray("eval");
            evals.forEach(e -> evalList.add(e.toNode()));
        }
        return base;
    }

    private BaseView baseView(ObjectNode base) {
        List<ObjectNode> sourceNodes = new ArrayList<>();
        base.path("data").path("sources").forEach(s -> sourceNodes.add((ObjectNode) s));
        return new BaseView(objectiveWeights(), usableObjectives(), sourceNodes);
    }

    private List<Long> parseSeeds() {
        List<Long> list = new ArrayList<>();
        for (String part : seeds.get().split("[,\\s]+")) {
            if (!part.isBlank()) list.add(FormField.parseLong("seeds", part));
        }
        if (list.isEmpty()) throw new ConfigException("seeds", seeds.get(), "give at least one seed, like 1, 2, 3");
        return list;
    }

    // ---- objective sliders ----------------------------------------------------------------

    private void moveObjective(ObjectiveKind kind, double value) {
        if (adjustingObjective) return;
        adjustingObjective = true;
        try {
            double[] next = ObjectiveMix.move(objectiveWeights(), kind, value, usableObjectives());
            for (int i = 0; i < next.length; i++) objective[i].set(next[i]);
        } finally {
            adjustingObjective = false;
        }
    }

    private double[] objectiveWeights() {
        double[] weights = new double[objective.length];
        for (int i = 0; i < weights.length; i++) weights[i] = objective[i].get();
        return weights;
    }

    private boolean[] usableObjectives() {
        String arch = fields.get("model.arch").textProperty().get();
        boolean prefix = Choice.find(Arch.class, arch).orElse(Arch.CAUSAL) == Arch.PREFIX_LM;
        boolean[] usable = new boolean[objective.length];
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            usable[kind.ordinal()] = kind != ObjectiveKind.PREFIX_LM || prefix;
        }
        return usable;
    }

    // ---- loading --------------------------------------------------------------------------

    private void load(AblationSpec spec, Path studyFile) {
        loading = true;
        adjustingObjective = true;
        try {
            loadedBase = spec.base().deepCopy();
            JsonNode effective = ConfigLoader.withDefaults(loadedBase);
            name.set(spec.name());
            description.set(spec.description() == null ? "" : spec.description());
            seeds.set(
                    String.join(", ", spec.seeds().stream().map(String::valueOf).toList()));
            match.set(spec.match().label());
            fields.values().forEach(f -> f.show(effective));
            tokenizerFromFile.set(loadedBase.path("tokenizer").has("path"));
            for (ObjectiveKind kind : ObjectiveKind.values()) {
                objective[kind.ordinal()].set(
                        effective.path("objective").path(kind.label()).asDouble());
            }
            sources.clear();
            loadedBase.path("data").path("sources").forEach(s -> sources.add(SourceDraft.fromNode(s)));
            List<EvalDraft> evalDrafts = new ArrayList<>();
            JsonNode writtenEvals = loadedBase.path("eval");
            for (int i = 0; i < writtenEvals.size(); i++) {
                evalDrafts.add(EvalDraft.fromNode(
                        writtenEvals.get(i), effective.path("eval").get(i)));
            }
            evals.setAll(evalDrafts);
            BaseView view = baseView(loadedBase);
            List<AblationDraft> drafts = new ArrayList<>();
            for (Ablation ablation : spec.ablations()) {
                AblationDraft draft = new AblationDraft(
                        ablation.lesson(),
                        ablation.title(),
                        ablation.overrides().deepCopy(),
                        ablation.combine());
                for (Axis axis : ablation.axes()) draft.axes().add(AxisDraft.fromAxis(axis, view));
                drafts.add(draft);
            }
            ablations.setAll(drafts);
            selectedAblation.set(drafts.get(0));
            file.set(studyFile);
            dirty.set(false);
        } finally {
            loading = false;
            adjustingObjective = false;
        }
        schedulePreview();
    }

    // ---- preview --------------------------------------------------------------------------

    private void edited() {
        if (loading) return;
        dirty.set(true);
        schedulePreview();
    }

    private void schedulePreview() {
        previewCurrent.set(false);
        if (debounce == null) background.hold();
        else debounce.cancel();
        debounce = scheduler.after(debounceDelay, () -> {
            debounce = null;
            background.release();
            refreshPreview();
        });
    }

    /** Recomputes the preview now (also what the debounce ends with). */
    public void refreshPreview() {
        long requested = ++generation;
        String yaml;
        try {
            yaml = studyYaml();
        } catch (WorkbenchException e) {
            showError(e);
            return;
        }
        background.run(
                () -> Preview.of(yaml, flopsPerSecond),
                result -> {
                    if (requested == generation) showPreview(result);
                },
                e -> {
                    if (requested == generation) showError(e);
                });
    }

    private void showPreview(Preview result) {
        preview = result;
        previewRows.setAll(result.rows());
        error.set(null);
        summary.set(result.rows().size() + (result.rows().size() == 1 ? " run" : " runs") + " · "
                + Formats.si(result.totalFlops()) + " FLOP · about " + Formats.duration(result.totalSeconds())
                + " at " + Formats.si(flopsPerSecond) + " FLOP/s");
        previewCurrent.set(true);
    }

    private void showError(Throwable e) {
        preview = null;
        previewRows.clear();
        error.set(e instanceof WorkbenchException ? e.getMessage() : "unexpected error: " + e);
        previewCurrent.set(true);
    }

    // ---- properties for the view ----------------------------------------------------------

    /** The text of a scalar field of the base, by its config path ({@code model.layers}). */
    public FormField field(String path) {
        FormField field = fields.get(path);
        if (field == null) throw new IllegalArgumentException("no form field " + path);
        return field;
    }

    /** The weight slider of an objective. */
    public DoubleProperty objective(ObjectiveKind kind) {
        return objective[kind.ordinal()];
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty seedsProperty() {
        return seeds;
    }

    public StringProperty matchProperty() {
        return match;
    }

    public ReadOnlyBooleanProperty tokenizerFromFileProperty() {
        return tokenizerFromFile;
    }

    public ObservableList<SourceDraft> sources() {
        return sources;
    }

    public ObservableList<EvalDraft> evals() {
        return evals;
    }

    public ObservableList<AblationDraft> ablations() {
        return ablations;
    }

    public ObjectProperty<AblationDraft> selectedAblationProperty() {
        return selectedAblation;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ObservableList<PreviewRow> previewRows() {
        return previewRows;
    }

    /** {@code 15 runs · 840.0TFLOP · about 40 min 2 s at 350.0GFLOP/s}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the study cannot run (the config error naming field and value), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once the preview (or error) shows the current edits. */
    public ReadOnlyBooleanProperty previewCurrentProperty() {
        return previewCurrent.getReadOnlyProperty();
    }

    /** A launcher is wired, the current study is valid and nothing is being launched. */
    public BooleanBinding launchable() {
        return launchable;
    }

    public boolean canLaunchAtAll() {
        return launcher.isPresent();
    }

    /** Title for the window and status bar: the study name, starred when unsaved. */
    public StringExpression titleExpression() {
        return Bindings.when(dirty).then(name.concat(" *")).otherwise(name);
    }
}
