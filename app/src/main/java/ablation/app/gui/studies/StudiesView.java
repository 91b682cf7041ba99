package ablation.app.gui.studies;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The list of studies (name, runs, status, origin, file), with the actions that start work: a new
 * study from scratch or from a template, opening a file. Double-click or Enter opens the selected
 * study in the composer (a run template as the base of a new study).
 */
public final class StudiesView {
    private final VBox root = new VBox(8);

    /**
     * @param newStudy starts a study from scratch
     * @param fromTemplate starts an unsaved study from a lesson or run template
     * @param openFile asks for a study file to open
     * @param open opens a listed study: its file in the composer, or a study only in the store in the runs view
     */
    public StudiesView(
            StudiesViewModel model,
            Runnable newStudy,
            Consumer<StudyEntry> fromTemplate,
            Runnable openFile,
            Consumer<StudyEntry> open) {
        root.setPadding(new Insets(12));
        root.getStyleClass().add("studies");

        Button create = new Button("New study");
        create.setId("new-study");
        create.setTooltip(new Tooltip("Start from a one-source causal base (Ctrl+N)"));
        create.setOnAction(e -> newStudy.run());
        MenuButton templates = new MenuButton("New from template");
        templates.setId("new-from-template");
        templates.disableProperty().bind(Bindings.isEmpty(model.templates()));
        model.templates().addListener((ListChangeListener<StudyEntry>) c -> templates
                .getItems()
                .setAll(model.templates().stream()
                        .map(t -> templateItem(t, fromTemplate))
                        .toList()));
        Button openButton = new Button("Open…");
        openButton.setId("open-study");
        openButton.setTooltip(new Tooltip("Open a study file (Ctrl+O)"));
        openButton.setOnAction(e -> openFile.run());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        Label title = new Label("Studies");
        title.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, title, spacer, create, templates, openButton, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);

        TableView<StudyEntry> table = new TableView<>(model.studies());
        table.setId("studies");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", 200, StudyEntry::name));
        TableColumn<StudyEntry, Number> runs = new TableColumn<>("Runs");
        runs.setCellValueFactory(c ->
                new ReadOnlyObjectWrapper<>(c.getValue().valid() ? c.getValue().runs() : null));
        runs.setPrefWidth(60);
        runs.getStyleClass().add("number");
        table.getColumns().add(runs);
        table.getColumns().add(column("Status", 260, StudyEntry::status));
        table.getColumns().add(column("Kind", 110, s -> s.origin().label()));
        table.getColumns()
                .add(column("File", 300, s -> s.file() == null ? "" : s.file().toString()));
        Label empty =
                new Label("No studies yet: create one (Ctrl+N), start from a template, or open a study file (Ctrl+O).");
        empty.getStyleClass().add("empty-state");
        Label loading = new Label("Loading studies…");
        loading.getStyleClass().add("empty-state");
        table.placeholderProperty()
                .bind(Bindings.when(model.loadedProperty()).then(empty).otherwise(loading));
        table.setRowFactory(t -> {
            TableRow<StudyEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty())
                    open.accept(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            StudyEntry selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) open.accept(selected);
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label details = new Label();
        details.setId("study-details");
        details.getStyleClass().add("hint");
        details.setWrapText(true);
        details.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            StudyEntry selected = table.getSelectionModel().getSelectedItem();
                            if (selected == null)
                                return "Double-click a study to open it in the composer, or its runs if it has no file here.";
                            if (!selected.valid()) return selected.file() + ": " + selected.status();
                            if (selected.description() != null) return selected.name() + ": " + selected.description();
                            return selected.file() == null
                                    ? selected.name() + ": in the tracking store only"
                                    : selected.file().toString();
                        },
                        table.getSelectionModel().selectedItemProperty()));

        root.getChildren().addAll(actions, table, details);
    }

    private static MenuItem templateItem(StudyEntry template, Consumer<StudyEntry> fromTemplate) {
        MenuItem item =
                new MenuItem(template.name() + (template.description() == null ? "" : ": " + template.description()));
        item.setOnAction(e -> fromTemplate.accept(template));
        return item;
    }

    private static TableColumn<StudyEntry, String> column(
            String title, double width, Function<StudyEntry, String> value) {
        TableColumn<StudyEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public Parent root() {
        return root;
    }
}
