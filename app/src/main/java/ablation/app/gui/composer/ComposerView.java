package ablation.app.gui.composer;

import ablation.app.gui.Formats;
import ablation.core.config.FimFormat;
import ablation.core.config.ObjectiveKind;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The ablation composer: the base config as a form (left), the axes and the live grid preview
 * (right), the study's name, the validation message and the save / launch actions on top. Binds to
 * a {@link ComposerViewModel}; holds no state of its own.
 */
public final class ComposerView {

    private final ComposerViewModel model;
    private final BorderPane root = new BorderPane();

    /**
     * @param save the window's save action (it may ask for a file)
     * @param launch the window's launch action (it saves first)
     */
    public ComposerView(ComposerViewModel model, Runnable save, Runnable launch) {
        this.model = model;
        root.getStyleClass().add("composer");
        root.setTop(header(save, launch));
        SplitPane split = new SplitPane(scrolling(form()), axesAndPreview());
        split.setDividerPositions(0.46);
        root.setCenter(split);
    }

    public Parent root() {
        return root;
    }

    // ---- header: name, validation, actions ------------------------------------------------

    private Node header(Runnable save, Runnable launch) {
        TextField name = text("study-name", model.nameProperty());
        name.setPrefColumnCount(18);
        TextField description = text("study-description", model.descriptionProperty());
        description.setPromptText("what this study asks");
        HBox.setHgrow(description, Priority.ALWAYS);
        Button saveButton = new Button("Save");
        saveButton.setId("save");
        saveButton.setOnAction(e -> save.run());
        saveButton.setTooltip(new Tooltip("Save the study as YAML (Ctrl+S)"));
        Button launchButton = new Button("Launch");
        launchButton.setId("launch");
        launchButton.getStyleClass().add("launch");
        launchButton.setOnAction(e -> launch.run());
        launchButton.disableProperty().bind(model.launchable().not());
        launchButton.setTooltip(
                new Tooltip(
                        model.canLaunchAtAll()
                                ? "Save the study and queue its runs (Ctrl+L)"
                                : "No run queue is connected to this window: save the study and run it with `workbench study FILE`"));
        HBox bar = new HBox(8, new Label("Study"), name, description, saveButton, launchButton);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label validation = new Label();
        validation.setId("validation");
        validation.getStyleClass().add("validation-error");
        validation.setWrapText(true);
        validation.setMaxWidth(Double.MAX_VALUE);
        validation
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.errorProperty().get() == null
                                ? ""
                                : "⚠ " + model.errorProperty().get(),
                        model.errorProperty()));
        validation.visibleProperty().bind(model.errorProperty().isNotNull());
        validation.managedProperty().bind(validation.visibleProperty());

        VBox header = new VBox(6, bar, validation);
        header.getStyleClass().add("composer-header");
        header.setPadding(new Insets(10, 12, 8, 12));
        return header;
    }

    // ---- the base config form -------------------------------------------------------------

    private Node form() {
        VBox form = new VBox(4);
        form.setPadding(new Insets(8, 12, 12, 12));

        GridPane modelGrid = grid();
        ChoiceBox<String> arch = choice("model-arch", ComposerViewModel.ARCHITECTURES);
        arch.valueProperty().bindBidirectional(model.field("model.arch").textProperty());
        pair(modelGrid, 0, 0, "architecture", arch);
        pair(modelGrid, 0, 1, "layers", fieldFor("model.layers"));
        pair(modelGrid, 1, 0, "d_model", fieldFor("model.d_model"));
        pair(modelGrid, 1, 1, "heads", fieldFor("model.heads"));
        pair(modelGrid, 2, 0, "rotary_dim", fieldFor("model.rotary_dim"));
        pair(modelGrid, 2, 1, "context", fieldFor("model.context"));
        form.getChildren().addAll(section("Model"), modelGrid);

        GridPane tokenizerGrid = grid();
        TextField vocab = fieldFor("tokenizer.train.vocab_size");
        vocab.disableProperty().bind(model.tokenizerFromFileProperty());
        pair(tokenizerGrid, 0, 0, "vocab size", vocab);
        Label fromFile = new Label("tokenizer.json from the study file");
        fromFile.getStyleClass().add("hint");
        fromFile.visibleProperty().bind(model.tokenizerFromFileProperty());
        tokenizerGrid.add(fromFile, 2, 0, 2, 1);
        form.getChildren().addAll(section("Tokenizer"), tokenizerGrid);

        form.getChildren().addAll(section("Data mixture"), sources());
        form.getChildren().addAll(section("Objective mix"), objective());

        GridPane trainGrid = grid();
        pair(trainGrid, 0, 0, "tokens", fieldFor("train.tokens"));
        pair(trainGrid, 0, 1, "batch", fieldFor("train.batch"));
        pair(trainGrid, 1, 0, "learning rate", fieldFor("train.lr"));
        TextField seeds = text("seeds", model.seedsProperty());
        seeds.setTooltip(new Tooltip("One run per seed and grid cell, e.g. 1, 2, 3"));
        pair(trainGrid, 1, 1, "seeds", seeds);
        ChoiceBox<String> match = choice("match", ComposerViewModel.MATCHES);
        match.valueProperty().bindBidirectional(model.matchProperty());
        match.setTooltip(new Tooltip("tokens: every arm trains on the same tokens; flops: on the same compute"));
        pair(trainGrid, 2, 0, "match compute by", match);
        form.getChildren().addAll(section("Training budget"), trainGrid);

        form.getChildren().addAll(section("Evaluation"), evals());
        return form;
    }

    private Node sources() {
        VBox rows = new VBox(4);
        Runnable rebuild = () -> rows.getChildren()
                .setAll(model.sources().stream().map(this::sourceRow).toList());
        rebuildOnMembership(model.sources(), rebuild);
        Button add = new Button("+ Add source");
        add.setId("add-source");
        add.setOnAction(e -> model.addSource());
        return new VBox(6, rows, add);
    }

    private Node sourceRow(SourceDraft source) {
        TextField name = new TextField();
        name.textProperty().bindBidirectional(source.nameProperty());
        name.setPrefColumnCount(7);
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll(SourceDraft.KINDS);
        kind.valueProperty().bindBidirectional(source.kindProperty());
        kind.setMinWidth(Region.USE_PREF_SIZE);
        TextField path = new TextField();
        path.textProperty().bindBidirectional(source.pathProperty());
        path.setPromptText("path");
        path.setPrefColumnCount(8);
        path.disableProperty().bind(Bindings.createBooleanBinding(() -> !source.readsFiles(), source.kindProperty()));
        Slider weight = new Slider(
                0,
                Math.max(1, source.weightProperty().get()),
                source.weightProperty().get());
        weight.valueProperty().bindBidirectional(source.weightProperty());
        weight.getStyleClass().add("source-weight");
        HBox.setHgrow(weight, Priority.ALWAYS);
        Label share = new Label();
        share.setMinWidth(Region.USE_PREF_SIZE);
        share.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            double total = model.sources().stream()
                                    .mapToDouble(s -> s.weightProperty().get())
                                    .sum();
                            return String.format(
                                    "%.2f (%.0f%%)",
                                    source.weightProperty().get(),
                                    total > 0 ? 100 * source.weightProperty().get() / total : 0);
                        },
                        model.sources()));
        share.setPrefWidth(86);
        Button remove = removeButton("Remove this source", () -> model.sources().remove(source));
        HBox row = new HBox(6, name, kind, path, weight, share, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node objective() {
        GridPane grid = grid();
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            int i = kind.ordinal();
            Slider slider = new Slider(0, 1, model.objective(kind).get());
            slider.setId("objective-" + kind.label());
            slider.setBlockIncrement(0.05);
            slider.valueProperty().bindBidirectional(model.objective(kind));
            Label value = new Label();
            value.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> String.format("%.2f", model.objective(kind).get()), model.objective(kind)));
            value.setMinWidth(36);
            GridPane.setHgrow(slider, Priority.ALWAYS);
            grid.add(new Label(kind.title()), 0, i);
            grid.add(slider, 1, i, 2, 1);
            grid.add(value, 3, i);
        }
        Label rule = new Label("The weights sum to 1: moving one rescales the others.");
        rule.getStyleClass().add("hint");
        grid.add(rule, 0, 4, 4, 1);
        ChoiceBox<String> format = choice("fim-format", ComposerViewModel.FIM_FORMATS);
        format.valueProperty()
                .bindBidirectional(model.field("objective.fim_format").textProperty());
        format.setTooltip(new Tooltip("codegen2: mask sentinels; psm_spm: Bavarian et al. (2022)"));
        grid.add(new Label("FIM format"), 0, 5);
        grid.add(format, 1, 5);
        TextField spm = fieldFor("objective.fim_spm_share");
        spm.disableProperty().bind(format.valueProperty().isNotEqualTo(FimFormat.PSM_SPM.label()));
        spm.setTooltip(new Tooltip("Share of SPM among psm_spm transforms"));
        grid.add(new Label("SPM share"), 2, 5);
        grid.add(spm, 3, 5);
        TextField documents = fieldFor("objective.fim_rate");
        documents.setTooltip(new Tooltip("Fraction of the documents of a FIM sequence that are transformed"));
        grid.add(new Label("FIM documents"), 0, 6);
        grid.add(documents, 1, 6);
        return grid;
    }

    private Node evals() {
        VBox rows = new VBox(4);
        Runnable rebuild = () -> rows.getChildren()
                .setAll(model.evals().stream().map(this::evalRow).toList());
        rebuildOnMembership(model.evals(), rebuild);
        Button add = new Button("+ Add evaluation");
        add.setId("add-eval");
        add.setOnAction(e -> model.addEval());
        return new VBox(6, rows, add);
    }

    private Node evalRow(EvalDraft eval) {
        ComboBox<String> benchmark = new ComboBox<>();
        benchmark.getItems().setAll(EvalDraft.BENCHMARKS);
        benchmark.setEditable(true);
        benchmark.valueProperty().bindBidirectional(eval.benchmarkProperty());
        benchmark.setPrefWidth(150);
        benchmark.setTooltip(new Tooltip("desk-l2r, desk-infill, or a HumanEval(-Infilling) JSONL file"));
        ChoiceBox<String> mode = new ChoiceBox<>();
        mode.getItems().setAll(EvalDraft.MODES);
        mode.valueProperty().bindBidirectional(eval.modeProperty());
        mode.setMinWidth(Region.USE_PREF_SIZE);
        TextField n = new TextField();
        n.textProperty().bindBidirectional(eval.nProperty());
        n.setPrefColumnCount(3);
        TextField k = new TextField();
        k.textProperty().bindBidirectional(eval.kProperty());
        k.setPrefColumnCount(7);
        Button remove =
                removeButton("Remove this evaluation", () -> model.evals().remove(eval));
        HBox row = new HBox(6, benchmark, mode, new Label("n"), n, new Label("k"), k, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    // ---- axes and preview -----------------------------------------------------------------

    private Node axesAndPreview() {
        VBox right = new VBox(6);
        right.setPadding(new Insets(8, 12, 12, 12));

        ChoiceBox<AblationDraft> ablation = new ChoiceBox<>(model.ablations());
        ablation.setId("ablation");
        ablation.valueProperty().bindBidirectional(model.selectedAblationProperty());
        ablation.setTooltip(new Tooltip("The ablation whose axes are shown: the study has several"));
        ChoiceBox<String> combine = choice("combine", ComposerViewModel.COMBINES);
        combine.setTooltip(new Tooltip("grid: every combination of the axes' values; zip: the i-th values together"));
        Label axesTitle = section("Axes");
        Label combineLabel = new Label("combine");
        // the titles keep their width; on its own row, a long ablation title cannot squeeze them
        axesTitle.setMinWidth(Region.USE_PREF_SIZE);
        combineLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox axesHeader = new HBox(8, axesTitle, spacer(), combineLabel, combine);
        axesHeader.setAlignment(Pos.CENTER_LEFT);
        Label ablationLabel = new Label("ablation");
        ablationLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox ablationRow = new HBox(8, ablationLabel, ablation);
        ablationRow.setAlignment(Pos.CENTER_LEFT);
        ablationRow.visibleProperty().bind(Bindings.size(model.ablations()).greaterThan(1));
        ablationRow.managedProperty().bind(ablationRow.visibleProperty());

        VBox axisRows = new VBox(4);
        axisRows.setId("axes");
        Consumer<AblationDraft> showAxes = shown -> axisRows.getChildren()
                .setAll(
                        shown == null
                                ? List.of()
                                : shown.axes().stream().map(this::axisRow).toList());
        ListChangeListener<AxisDraft> axesChanged = c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    showAxes.accept(model.selectedAblationProperty().get());
                    return;
                }
            }
        };
        ChangeListener<AblationDraft> selected = (obs, old, now) -> {
            if (old != null) {
                combine.valueProperty().unbindBidirectional(old.combineProperty());
                old.axes().removeListener(axesChanged);
            }
            if (now != null) {
                combine.valueProperty().bindBidirectional(now.combineProperty());
                now.axes().addListener(axesChanged);
            }
            showAxes.accept(now);
        };
        model.selectedAblationProperty().addListener(selected);
        selected.changed(null, null, model.selectedAblationProperty().get());
        Label noAxes = new Label("No axes: one run per seed. Add an axis below.");
        noAxes.getStyleClass().add("hint");
        noAxes.visibleProperty().bind(Bindings.isEmpty(axisRows.getChildren()));
        noAxes.managedProperty().bind(noAxes.visibleProperty());

        right.getChildren()
                .addAll(axesHeader, ablationRow, axisRows, noAxes, newAxisRow(), previewHeader(), previewTable());
        return right;
    }

    private Node axisRow(AxisDraft axis) {
        Label what = new Label(axis.describe());
        what.setMinWidth(Region.USE_PREF_SIZE);
        what.setPrefWidth(190);
        TextField values = new TextField();
        values.textProperty().bindBidirectional(axis.valuesProperty());
        values.getStyleClass().add("axis-values");
        Tooltip full = new Tooltip();
        full.textProperty().bind(axis.valuesProperty());
        values.setTooltip(full);
        HBox.setHgrow(values, Priority.ALWAYS);
        Button remove = removeButton("Remove this axis", () -> model.removeAxis(axis));
        HBox row = new HBox(6, what, values, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node newAxisRow() {
        ComboBox<AxisKind> kind = new ComboBox<>();
        kind.setId("axis-kind");
        kind.getItems().setAll(AxisKind.values());
        kind.setValue(AxisKind.FIM_RATE);
        ComboBox<String> path = new ComboBox<>();
        path.setId("axis-path");
        path.setEditable(true);
        path.getItems().setAll(ComposerViewModel.NUMERIC_PATHS);
        path.setPromptText("config path");
        path.setPrefWidth(170);
        path.visibleProperty().bind(kind.valueProperty().isEqualTo(AxisKind.FIELD));
        path.managedProperty().bind(path.visibleProperty());
        TextField values = new TextField();
        values.setId("axis-values");
        values.promptTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> kind.getValue() == null ? "" : kind.getValue().example(), kind.valueProperty()));
        HBox.setHgrow(values, Priority.ALWAYS);
        Button add = new Button("Add axis");
        add.setId("add-axis");
        add.disableProperty()
                .bind(values.textProperty().isEmpty().or(kind.valueProperty().isNull()));
        Runnable addAxis = () -> {
            String fieldPath = path.getEditor().getText();
            model.addAxis(AxisDraft.of(kind.getValue(), fieldPath, values.getText()));
            values.clear();
        };
        add.setOnAction(e -> addAxis.run());
        values.setOnAction(e -> {
            if (!add.isDisabled()) addAxis.run();
        });
        HBox row = new HBox(6, kind, path, values, add);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("new-axis");
        return row;
    }

    private Node previewHeader() {
        Label summary = new Label();
        summary.setId("preview-summary");
        summary.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            if (!model.previewCurrentProperty().get()) return "updating…";
                            return model.errorProperty().get() != null
                                    ? "invalid: see the message above"
                                    : model.summaryProperty().get();
                        },
                        model.previewCurrentProperty(),
                        model.errorProperty(),
                        model.summaryProperty()));
        summary.getStyleClass().add("hint");
        HBox header = new HBox(10, section("Grid preview"), summary);
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    private Node previewTable() {
        TableView<PreviewRow> table = new TableView<>(model.previewRows());
        table.setId("preview");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<PreviewRow, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(300);
        TableColumn<PreviewRow, String> lessons = new TableColumn<>("Lesson");
        lessons.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().lessons()));
        lessons.setMinWidth(56);
        table.getColumns().add(name);
        table.getColumns().add(lessons);
        table.getColumns().add(numberColumn("Tokens", PreviewRow::tokens, Formats::si));
        table.getColumns().add(numberColumn("Steps", PreviewRow::steps, v -> String.valueOf(v.longValue())));
        table.getColumns().add(numberColumn("Params", PreviewRow::parameters, Formats::si));
        table.getColumns().add(numberColumn("FLOPs", PreviewRow::flops, Formats::si));
        TableColumn<PreviewRow, Number> time = numberColumn("Est. time", PreviewRow::seconds, Formats::duration);
        time.setMinWidth(84);
        table.getColumns().add(time);
        table.setPlaceholder(new Label("No runs: the study is invalid or still being expanded."));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<PreviewRow, Number> numberColumn(
            String title, ToDoubleFunction<PreviewRow> value, Function<Double, String> format) {
        TableColumn<PreviewRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item.doubleValue()));
            }
        });
        column.getStyleClass().add("number");
        column.setMinWidth(64);
        column.setPrefWidth(64);
        return column;
    }

    // ---- small builders -------------------------------------------------------------------

    /** Rebuilds rows when items are added or removed, not on every slider tick inside an item. */
    private static <T> void rebuildOnMembership(ObservableList<T> list, Runnable rebuild) {
        list.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuild.run();
                    return;
                }
            }
        });
        rebuild.run();
    }

    private TextField fieldFor(String path) {
        TextField field =
                text(path.replace('.', '-').replace('_', '-'), model.field(path).textProperty());
        field.setPrefColumnCount(7);
        return field;
    }

    private static TextField text(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static ChoiceBox<String> choice(String id, String[] items) {
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(items);
        return choice;
    }

    private static Button removeButton(String tip, Runnable action) {
        Button remove = new Button("✕");
        remove.getStyleClass().add("remove");
        remove.setTooltip(new Tooltip(tip));
        remove.setOnAction(e -> action.run());
        return remove;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, labels, fields);
        return grid;
    }

    private static void pair(GridPane grid, int row, int column, String label, Node field) {
        grid.add(new Label(label), column * 2, row);
        grid.add(field, column * 2 + 1, row);
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form");
        return scroll;
    }
}
