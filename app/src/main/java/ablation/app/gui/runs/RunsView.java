package ablation.app.gui.runs;

import ablation.app.gui.EmptyState;
import ablation.app.gui.Formats;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;

/**
 * The runs of the current study: the queue with status, a progress bar and the time left per run,
 * the live loss chart of the selected runs, and cancel, retry and the log of a failed run.
 */
public final class RunsView {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Parent root;
    private final TableView<RunRow> table = new TableView<>();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final LiveLossChart chart = new LiveLossChart();
    /** The selected runs by id: a poll replaces the rows, the selection stays. */
    private final Set<Long> selectedIds = new HashSet<>();

    private boolean restoring;

    public RunsView(RunsViewModel model) {
        table.setId("runs");
        table.setItems(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Run", 240, RunRow::name));
        table.getColumns().add(column("Status", 80, RunRow::status));
        table.getColumns().add(progressColumn());
        table.getColumns().add(column("Loss", 70, r -> Double.isNaN(r.loss()) ? "" : String.format("%.4f", r.loss())));
        table.getColumns()
                .add(column(
                        "Time left",
                        90,
                        r -> r.eta() == null ? "" : Formats.duration(r.eta().toSeconds())));
        table.getColumns().add(column("Updated", 80, r -> r.updated() == null ? "" : TIME.format(r.updated())));
        model.rows().items().addListener((ListChangeListener<RunRow>)
                c -> replaceRows(model.rows().items()));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> {
            if (restoring) return;
            selectedIds.clear();
            table.getSelectionModel().getSelectedItems().forEach(r -> selectedIds.add(r.id()));
            model.selected().setAll(List.copyOf(table.getSelectionModel().getSelectedItems()));
        });
        model.curves().addListener((ListChangeListener<Object>) c -> chart.show(List.copyOf(model.curves())));

        TextArea log = new TextArea();
        log.setId("run-log");
        log.setEditable(false);
        log.getStyleClass().add("log");
        log.textProperty().bind(model.logProperty());
        Tab lossTab = new Tab("Loss", chart.node());
        Tab logTab = new Tab("Log", log);
        TabPane details = new TabPane(lossTab, logTab);
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Button cancel = action(
                "Cancel",
                "cancel-run",
                "Stop the selected runs that have not ended",
                RunRow::cancellable,
                model::cancel);
        Button retry = action(
                "Retry",
                "retry-run",
                "Resume the selected failed or cancelled runs from their last checkpoint",
                RunRow::retryable,
                model::retry);
        Button showLog = new Button("Log");
        showLog.setId("show-log");
        showLog.setTooltip(new Tooltip("The selected run's error and the end of its worker log"));
        showLog.disableProperty()
                .bind(Bindings.size(table.getSelectionModel().getSelectedItems())
                        .isNotEqualTo(1));
        showLog.setOnAction(e -> {
            model.showLog(table.getSelectionModel().getSelectedItem());
            details.getSelectionModel().select(logTab);
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!restoring && now != null && "failed".equals(now.status())) { // its error is what the user wants to see
                model.showLog(now);
                details.getSelectionModel().select(logTab);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.rows().refresh());

        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root = EmptyState.view(
                "Runs",
                "status, progress and loss of the study's runs; select runs to chart them",
                split,
                model.rows().emptyMessageProperty(),
                cancel,
                retry,
                showLog,
                refresh);
    }

    /** Puts the polled rows in the table and selects again the runs that were selected. */
    private void replaceRows(List<RunRow> polled) {
        restoring = true;
        try {
            rows.setAll(polled);
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < polled.size(); i++) {
                if (selectedIds.contains(polled.get(i).id()))
                    table.getSelectionModel().select(i);
            }
        } finally {
            restoring = false;
        }
    }

    /** A button acting on each selected run it applies to, enabled when it applies to one. */
    private Button action(
            String title, String id, String tip, Predicate<RunRow> applies, java.util.function.Consumer<RunRow> act) {
        Button button = new Button(title);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        ObservableList<RunRow> selection = table.getSelectionModel().getSelectedItems();
        BooleanBinding none =
                Bindings.createBooleanBinding(() -> selection.stream().noneMatch(applies), selection, rows);
        button.disableProperty().bind(none);
        button.setOnAction(e -> List.copyOf(selection).stream().filter(applies).forEach(act));
        return button;
    }

    private static TableColumn<RunRow, RunRow> progressColumn() {
        TableColumn<RunRow, RunRow> column = new TableColumn<>("Progress");
        column.setPrefWidth(200);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setPrefWidth(90);
                setContentDisplay(ContentDisplay.LEFT);
                setGraphicTextGap(8);
            }

            @Override
            protected void updateItem(RunRow run, boolean empty) {
                super.updateItem(run, empty);
                if (empty || run == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                bar.setProgress(run.fraction());
                setGraphic(bar);
                setText(run.progress());
            }
        });
        return column;
    }

    private static TableColumn<RunRow, String> column(String title, double width, Function<RunRow, String> value) {
        TableColumn<RunRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public Parent root() {
        return root;
    }

    /** Points in the loss chart now (tests). */
    public int chartPoints() {
        return chart.points();
    }
}
