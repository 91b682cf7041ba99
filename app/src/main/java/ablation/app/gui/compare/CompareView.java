package ablation.app.gui.compare;

import ablation.app.gui.EmptyState;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;

/**
 * The arms of the current study side by side: loss curves with seed bands and pass@k curves (the
 * reports module's chart functions), a table of final metrics with their intervals, and the config
 * diff between the arms. Arms are grid cells, the values of one field, or picked runs.
 */
public final class CompareView {
    private final Parent root;

    public CompareView(CompareViewModel model) {
        ChoiceBox<CompareViewModel.Mode> mode = new ChoiceBox<>();
        mode.setId("compare-mode");
        mode.getItems().setAll(CompareViewModel.Mode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        ComboBox<String> field = new ComboBox<>(model.fields());
        field.setId("compare-field");
        field.valueProperty().bindBidirectional(model.fieldProperty());
        field.visibleProperty().bind(model.modeProperty().isEqualTo(CompareViewModel.Mode.FIELD));
        field.managedProperty().bind(field.visibleProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());

        TilePane charts = new TilePane(12, 12);
        charts.setId("charts");
        charts.setPrefColumns(2);
        Function<String, Optional<String>> details = model::armDetails;
        model.charts().addListener((ListChangeListener<JFreeChart>) c -> show(charts, model.charts(), details));
        TableView<List<String>> metrics = table("compare-metrics");
        model.comparisonProperty()
                .addListener((obs, old, now) -> fill(
                        metrics,
                        now == null ? List.of() : now.header(),
                        now == null ? List.of() : now.rows(),
                        details));
        TableView<List<String>> diff = table("config-diff");
        Label same = new Label("The arms' configs differ in no field.");
        same.getStyleClass().add("hint");
        model.diffProperty().addListener((obs, old, now) -> {
            if (now == null) {
                fill(diff, List.of(), List.of(), details);
                return;
            }
            List<String> header = new java.util.ArrayList<>(List.of("Field"));
            header.addAll(now.arms());
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < now.fields().size(); i++) {
                List<String> row =
                        new java.util.ArrayList<>(List.of(now.fields().get(i)));
                row.addAll(now.values().get(i));
                rows.add(row);
            }
            fill(diff, header, rows, details);
        });
        same.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.diffProperty().get() != null
                                && model.diffProperty().get().isEmpty(),
                        model.diffProperty()));
        same.managedProperty().bind(same.visibleProperty());
        VBox results = new VBox(
                8,
                charts,
                heading("Final metrics (95% intervals over seeds and problems)"),
                metrics,
                heading("Config diff: only the fields that differ"),
                same,
                diff);
        results.setPadding(new Insets(0, 8, 8, 0));
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        Label hint = new Label();
        hint.getStyleClass().add("empty-state");
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(model.hintProperty().isNotNull());
        StackPane body = new StackPane(scroll, hint);

        ListView<CompareRun> picker = new ListView<>(model.runs());
        picker.setId("run-picker");
        picker.setCellFactory(CheckBoxListCell.forListView(
                run -> {
                    var checked = new javafx.beans.property.SimpleBooleanProperty(
                            model.picked().contains(run.id()));
                    checked.addListener((obs, was, is) -> {
                        if (is) model.picked().add(run.id());
                        else model.picked().remove(run.id());
                    });
                    return checked;
                },
                new StringConverter<>() {
                    @Override
                    public String toString(CompareRun run) {
                        return run == null ? "" : run.name() + " (" + run.status() + ")";
                    }

                    @Override
                    public CompareRun fromString(String text) {
                        throw new UnsupportedOperationException();
                    }
                }));
        picker.setPrefWidth(240);
        SplitPane split = new SplitPane(body);
        model.modeProperty().addListener((obs, old, now) -> showPicker(split, picker, body, now));
        showPicker(split, picker, body, model.modeProperty().get());

        root = EmptyState.view(
                "Compare",
                "the arms side by side, seeds pooled",
                split,
                model.emptyMessageProperty(),
                new Label("Arms:"),
                mode,
                field,
                refresh);
    }

    private static void showPicker(SplitPane split, Node picker, Node body, CompareViewModel.Mode mode) {
        if (mode == CompareViewModel.Mode.PICK) {
            split.getItems().setAll(picker, body);
            split.setDividerPositions(0.22);
        } else {
            split.getItems().setAll(body);
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static TableView<List<String>> table(String id) {
        TableView<List<String>> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(24);
        return table;
    }

    /**
     * Columns from the header, rows as given; the table is as tall as its rows. An arm's label, in
     * the header or the first column, has the arm's full config as its tooltip.
     */
    private static void fill(
            TableView<List<String>> table,
            List<String> header,
            List<List<String>> rows,
            Function<String, Optional<String>> details) {
        table.getColumns().clear();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>();
            Label title = new Label(header.get(i));
            details.apply(header.get(i)).ifPresent(text -> title.setTooltip(tooltip(text)));
            column.setGraphic(title);
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    index < c.getValue().size() ? c.getValue().get(index) : ""));
            if (index == 0)
                column.setCellFactory(c -> new TableCell<>() {
                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item);
                        setTooltip(
                                empty || item == null
                                        ? null
                                        : details.apply(item)
                                                .map(CompareView::tooltip)
                                                .orElse(null));
                    }
                });
            column.setSortable(false);
            // wide enough for the header and the longest cell, as far as a character's width tells
            int chars = header.get(i).length();
            for (List<String> row : rows)
                if (index < row.size()) chars = Math.max(chars, row.get(index).length());
            column.setPrefWidth(Math.min(360, 16 + 7.5 * chars));
            table.getColumns().add(column);
        }
        table.getItems().setAll(rows);
        double height = table.getFixedCellSize() * (Math.max(rows.size(), 1) + 1) + 4;
        table.setPrefHeight(height);
        table.setMinHeight(height);
        table.setMaxHeight(height);
    }

    private static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDuration(javafx.util.Duration.INDEFINITE);
        return tooltip;
    }

    /**
     * Puts each chart into a viewer, reusing the viewers already shown so a refresh does not
     * flicker; a legend entry's tooltip is its arm's full config.
     */
    private static void show(TilePane charts, List<JFreeChart> items, Function<String, Optional<String>> details) {
        for (JFreeChart chart : items) {
            if (chart.getPlot() instanceof XYPlot plot
                    && plot.getRenderer() instanceof AbstractXYItemRenderer renderer) {
                renderer.setLegendItemToolTipGenerator((data, series) ->
                        details.apply(String.valueOf(data.getSeriesKey(series))).orElse(null));
            }
        }
        List<Node> viewers = charts.getChildren();
        while (viewers.size() > items.size()) viewers.remove(viewers.size() - 1);
        for (int i = 0; i < items.size(); i++) {
            if (i < viewers.size()) ((ChartViewer) viewers.get(i)).setChart(items.get(i));
            else viewers.add(viewer(items.get(i)));
        }
    }

    private static ChartViewer viewer(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(500, 330);
        return viewer;
    }

    public Parent root() {
        return root;
    }
}
