package ablation.app.gui.runs;

import ablation.app.gui.Background;
import ablation.app.gui.FeedViewModel;
import ablation.core.stats.LossBand;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * State of the runs view: the study's runs (polled while the view is visible), the runs the loss
 * chart shows (the selected ones, or all while none is selected) with their curves re-read after
 * every poll, the log of the selected run, and the cancel and retry actions.
 */
public final class RunsViewModel {
    /** Curves the chart shows at most when nothing is selected. */
    static final int MAX_UNSELECTED_CURVES = 12;
    /** Points per curve: the store downsamples, the chart never sees more. */
    static final int MAX_POINTS = 1000;

    private final Optional<RunsSource> source;
    private final Background background;
    private final ObservableStringValue study;
    private final Consumer<String> status;
    private final FeedViewModel<RunRow> rows;
    private final ObservableList<RunRow> selected = FXCollections.observableArrayList();
    private final ObservableList<LossBand> curves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper(this, "log", "");
    private boolean reading;
    private boolean readAgain;
    /** The runs and steps of the curves shown: a poll that changes neither reads nothing. */
    private List<List<Long>> lastRead = List.of();

    public RunsViewModel(
            Optional<RunsSource> source, Background background, ObservableStringValue study, Consumer<String> status) {
        this.source = source;
        this.background = background;
        this.study = study;
        this.status = status;
        rows = new FeedViewModel<>(source.map(s -> s::runs), background, study, status, "runs");
        rows.items().addListener((ListChangeListener<RunRow>) c -> readCurves());
        selected.addListener((ListChangeListener<RunRow>) c -> readCurves());
    }

    public FeedViewModel<RunRow> rows() {
        return rows;
    }

    /** The rows the user selected; the view keeps it current (by run id across polls). */
    public ObservableList<RunRow> selected() {
        return selected;
    }

    /** The loss curves of {@link #chartedRuns()}, replaced in one batch after each read. */
    public ObservableList<LossBand> curves() {
        return curves;
    }

    /** The run's error and worker log tail, after {@link #showLog}. */
    public ReadOnlyStringProperty logProperty() {
        return log.getReadOnlyProperty();
    }

    /** The runs the chart shows: the selection, or the first runs of the study while none is selected. */
    public List<RunRow> chartedRuns() {
        if (!selected.isEmpty()) {
            // the polled rows, not the selected ones: those are as old as the selection
            java.util.Set<Long> ids = new java.util.HashSet<>();
            selected.forEach(r -> ids.add(r.id()));
            return rows.items().stream().filter(r -> ids.contains(r.id())).toList();
        }
        return rows.items().stream()
                .filter(r -> r.step() > 0)
                .limit(MAX_UNSELECTED_CURVES)
                .toList();
    }

    /** Reads the charted runs' curves (once more after the read in flight, if one is). */
    private void readCurves() {
        if (source.isEmpty()) return;
        if (reading) {
            readAgain = true;
            return;
        }
        List<RunRow> runs = chartedRuns();
        List<List<Long>> key = runs.stream().map(r -> List.of(r.id(), r.step())).toList();
        if (key.equals(lastRead) && !runs.isEmpty()) return;
        lastRead = key;
        reading = true;
        background.run(
                () -> runs.isEmpty() ? List.<LossBand>of() : source.get().loss(runs, MAX_POINTS),
                read -> {
                    finishRead();
                    curves.setAll(read);
                },
                e -> {
                    lastRead = List.of();
                    finishRead();
                    status.accept("cannot read the loss curves: " + e.getMessage());
                });
    }

    private void finishRead() {
        reading = false;
        if (readAgain) {
            readAgain = false;
            readCurves();
        }
    }

    public void cancel(RunRow run) {
        act(() -> {
            source.orElseThrow().cancel(run);
            return "Cancelled " + run.name();
        });
    }

    public void retry(RunRow run) {
        String name = study.get();
        act(() -> source.orElseThrow().retry(name, run));
    }

    /** Reads the run's error and worker log into {@link #logProperty()}. */
    public void showLog(RunRow run) {
        if (source.isEmpty()) return;
        String name = study.get();
        background.run(
                () -> source.get().log(name, run),
                log::set,
                e -> log.set("cannot read the log of " + run.name() + ": " + e.getMessage()));
    }

    private void act(java.util.function.Supplier<String> action) {
        if (source.isEmpty()) return;
        background.run(
                action,
                message -> {
                    status.accept(message);
                    rows.refresh();
                },
                e -> status.accept(e.getMessage()));
    }
}
