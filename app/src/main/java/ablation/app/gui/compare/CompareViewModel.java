package ablation.app.gui.compare;

import ablation.app.gui.Background;
import ablation.app.gui.FeedViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.jfree.chart.JFreeChart;

/**
 * State of the compare view: the study's runs, how they form arms ({@link Mode}), and what the
 * store says about the arms (charts, final metrics) with the config diff between them. The store
 * is read when the view is shown for a study it has not loaded, on Refresh, and when the arms change.
 */
public final class CompareViewModel {
    /** How the runs form the arms. */
    public enum Mode {
        CELLS("grid cells, seeds pooled"),
        FIELD("one config field, the rest pooled"),
        PICK("runs picked one by one");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final String PICK_RUNS = "Pick the runs to compare in the list on the left.";

    private final Optional<CompareSource> source;
    private final Background background;
    private final ObservableStringValue study;
    private final Consumer<String> status;
    private final ObservableList<CompareRun> runs = FXCollections.observableArrayList();
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.CELLS);
    private final StringProperty field = new SimpleStringProperty(this, "field");
    private final ObservableSet<Long> picked = FXCollections.observableSet();
    private final ObservableList<JFreeChart> charts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<ConfigDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint");
    /** The arms compared now, by label: their details are the tooltips of their labels. */
    private Map<String, RunGroup> arms = Map.of();

    private boolean active;
    private String loaded;
    /** Counts the arm changes: a comparison computed for older arms is dropped. */
    private long generation;

    public CompareViewModel(
            Optional<CompareSource> source,
            Background background,
            ObservableStringValue study,
            Consumer<String> status) {
        this.source = source;
        this.background = background;
        this.study = study;
        this.status = status;
        emptyMessage.set(source.isPresent() ? FeedViewModel.NO_STUDY : FeedViewModel.NO_STORE);
        study.addListener((obs, old, now) -> {
            runs.clear();
            loaded = null;
            if (active) refresh();
        });
        mode.addListener((obs, old, now) -> compare());
        field.addListener((obs, old, now) -> {
            if (mode.get() == Mode.FIELD) compare();
        });
        picked.addListener((SetChangeListener<Long>) c -> {
            if (mode.get() == Mode.PICK) compare();
        });
    }

    /** The view is shown ({@code true}) or hidden: shown, it loads a study it has not loaded yet. */
    public void setActive(boolean shown) {
        active = shown;
        String name = study.get();
        if (shown && (loaded == null || !loaded.equals(name))) refresh();
    }

    /** Reads the study's runs again, then compares the arms. */
    public void refresh() {
        String name = study.get();
        if (source.isEmpty()) return;
        if (name == null || name.isBlank()) {
            emptyMessage.set(FeedViewModel.NO_STUDY);
            return;
        }
        loaded = name;
        background.run(
                () -> source.get().runs(name),
                list -> {
                    if (!name.equals(study.get())) return;
                    runs.setAll(list);
                    fields.setAll(Grouping.varyingFields(list));
                    if (field.get() == null || !fields.contains(field.get())) {
                        field.set(fields.stream()
                                .filter(f -> !f.equals(Grouping.SEED))
                                .findFirst()
                                .orElse(fields.isEmpty() ? null : fields.get(0)));
                    }
                    picked.retainAll(list.stream().map(CompareRun::id).toList());
                    compare();
                },
                e -> status.accept("cannot read the runs of " + name + ": " + e.getMessage()));
    }

    /** The arms the current mode forms from the runs. */
    public List<RunGroup> groups() {
        return switch (mode.get()) {
            case CELLS -> Grouping.byCell(runs);
            case FIELD -> field.get() == null ? List.of() : Grouping.byField(runs, field.get());
            case PICK ->
                Grouping.each(runs.stream().filter(r -> picked.contains(r.id())).toList());
        };
    }

    private void compare() {
        long mine = ++generation;
        List<RunGroup> groups = groups();
        if (runs.isEmpty()) {
            clear(loaded == null ? FeedViewModel.NO_STUDY : FeedViewModel.NO_RUNS);
            return;
        }
        emptyMessage.set(null);
        if (groups.isEmpty()) {
            clearResults();
            hint.set(PICK_RUNS);
            return;
        }
        hint.set(null);
        Map<String, RunGroup> byLabel = new LinkedHashMap<>();
        groups.forEach(g -> byLabel.put(g.label(), g));
        arms = byLabel;
        diff.set(ConfigDiff.of(groups));
        background.run(
                () -> source.orElseThrow().compare(groups),
                result -> {
                    if (mine != generation) return;
                    comparison.set(result);
                    charts.setAll(result.charts());
                },
                e -> status.accept("cannot compare the runs: " + e.getMessage()));
    }

    private void clear(String message) {
        clearResults();
        emptyMessage.set(message);
    }

    /**
     * The full config of the arm shown under {@code label} (a tooltip), or empty for no such arm. A
     * chart's series may add to the label ({@code fim=0.5 (3 seeds)}): that names the arm too.
     */
    public Optional<String> armDetails(String label) {
        RunGroup arm = arms.get(label);
        if (arm == null) {
            arm = arms.values().stream()
                    .filter(g -> label.startsWith(g.label() + " ("))
                    .max(java.util.Comparator.comparingInt(g -> g.label().length()))
                    .orElse(null);
        }
        return Optional.ofNullable(arm).map(RunGroup::details);
    }

    private void clearResults() {
        arms = Map.of();
        charts.clear();
        comparison.set(null);
        diff.set(null);
    }

    public ObservableList<CompareRun> runs() {
        return runs;
    }

    /** The config fields that vary across the runs: what {@link Mode#FIELD} can group by. */
    public ObservableList<String> fields() {
        return fields;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty fieldProperty() {
        return field;
    }

    /** Ids of the runs picked in {@link Mode#PICK}. */
    public ObservableSet<Long> picked() {
        return picked;
    }

    public ObservableList<JFreeChart> charts() {
        return charts;
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConfigDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** What to do before there is anything to compare ({@link #PICK_RUNS}), or null. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Why there is nothing to compare, or null. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }
}
