package ablation.app.gui;

import ablation.app.gui.compare.CompareView;
import ablation.app.gui.composer.ComposerView;
import ablation.app.gui.lessons.LessonsView;
import ablation.app.gui.runs.RunsView;
import ablation.app.gui.studies.StudiesView;
import ablation.app.gui.studies.StudyEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The main window, a view of {@link WorkbenchViewModel}: a menu with the keyboard shortcuts, the
 * navigation between the views ({@link Section}), the current view, and a status bar (last message,
 * open study, store, work in flight). The commands and the state are the view model's.
 */
public final class WorkbenchWindow {
    private final WorkbenchViewModel model;
    private final Map<Section, Parent> views = new EnumMap<>(Section.class);
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();

    public WorkbenchWindow(WorkbenchViewModel model) {
        this.model = model;
        model.attach(this::window, s -> {});
        views.put(
                Section.STUDIES,
                new StudiesView(
                                model.studies(),
                                model::newStudy,
                                model::newFromTemplate,
                                model::openWithDialog,
                                model::openListed)
                        .root());
        views.put(Section.COMPOSER, new ComposerView(model.composer(), model::save, model::launch).root());
        views.put(Section.RUNS, new RunsView(model.runs()).root());
        views.put(Section.COMPARE, new CompareView(model.compare()).root());
        views.put(Section.LESSONS, new LessonsView(model.lessons(), model::exportReport).root());

        root.getStyleClass().add("workbench");
        root.setTop(menuBar());
        root.setLeft(navigation());
        root.setCenter(content);
        root.setBottom(statusBar());
        model.sectionProperty()
                .addListener((obs, old, now) -> content.getChildren().setAll(views.get(now)));
        content.getChildren().setAll(views.get(model.sectionProperty().get()));
    }

    /**
     * The window of the app: services run on two worker threads, results and timers on the FX
     * thread, unexpected failures to {@code errors}.
     *
     * @param debounce pause after an edit before the composer's preview is recomputed
     */
    public static WorkbenchWindow create(
            GuiServices services, WindowState state, Duration debounce, UnexpectedErrors errors) {
        return new WorkbenchWindow(new WorkbenchViewModel(
                services, state, Background.onFxThread(errors), errors, new FxScheduler(), debounce));
    }

    /** Opens the initial study (or a new one) and view; call once, after construction. */
    public void start(Optional<Path> initialStudy, Section initialSection) {
        model.start(initialStudy, initialSection);
    }

    public Scene scene() {
        WindowState state = model.state();
        Scene scene = new Scene(root, state.width(), state.height());
        scene.getStylesheets()
                .add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
        return scene;
    }

    /**
     * Shows the window in {@code stage} where it last was, and saves the window state through
     * {@code persist} whenever it closes or a study is opened or saved.
     */
    public void show(Stage stage, Consumer<WindowState> persist) {
        WindowState state = model.state();
        stage.setScene(scene());
        if (!Double.isNaN(state.x()) && !Double.isNaN(state.y())) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
        stage.titleProperty()
                .bind(Bindings.concat("Ablation Workbench · ", model.composer().titleExpression()));
        stage.setOnCloseRequest(e -> {
            if (!model.confirmDiscard()) {
                e.consume();
                return;
            }
            persist.accept(model.closing(
                    stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
            close();
        });
        model.attach(this::window, persist);
        stage.show();
    }

    /** Stops the refresh timer and the worker threads. */
    public void close() {
        model.close();
    }

    public WorkbenchViewModel model() {
        return model;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        Menu templates = new Menu("New from template");
        var listed = model.studies().templates();
        templates.disableProperty().bind(Bindings.isEmpty(listed));
        listed.addListener((ListChangeListener<StudyEntry>) c -> templates
                .getItems()
                .setAll(listed.stream()
                        .map(t -> item(t.name(), null, () -> model.newFromTemplate(t)))
                        .toList()));
        file.getItems()
                .addAll(
                        item("New study", shortcut(KeyCode.N), model::newStudy),
                        templates,
                        item("Open…", shortcut(KeyCode.O), model::openWithDialog),
                        new SeparatorMenuItem(),
                        item("Save", shortcut(KeyCode.S), model::save),
                        item(
                                "Save as…",
                                new KeyCodeCombination(
                                        KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                                model::saveAs),
                        new SeparatorMenuItem(),
                        item("Quit", shortcut(KeyCode.Q), () -> {
                            Window window = window();
                            if (window != null)
                                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
                        }));
        Menu studyMenu = new Menu("Study");
        MenuItem launch = item("Launch", shortcut(KeyCode.L), model::launch);
        launch.disableProperty().bind(model.composer().launchable().not());
        studyMenu
                .getItems()
                .addAll(
                        launch,
                        item("Refresh preview", new KeyCodeCombination(KeyCode.F5), model.composer()::refreshPreview));
        Menu view = new Menu("View");
        for (Section each : Section.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + each.shortcutDigit());
            view.getItems()
                    .add(item(
                            each.title(),
                            shortcut(digit),
                            () -> model.sectionProperty().set(each)));
        }
        return new MenuBar(file, studyMenu, view);
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String title, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(title);
        if (accelerator != null) item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node navigation() {
        ListView<Section> list = new ListView<>();
        list.setId("navigation");
        list.getItems().setAll(Section.values());
        list.getStyleClass().add("navigation");
        list.setPrefWidth(170);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Section item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label title = new Label(item.title());
                title.getStyleClass().add("nav-title");
                Label key = new Label("Ctrl+" + item.shortcutDigit());
                key.getStyleClass().add("nav-key");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox row = new HBox(6, title, spacer, key);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
                setTooltip(new Tooltip(item.description()));
            }
        });
        list.getSelectionModel().select(model.sectionProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) model.sectionProperty().set(now);
        });
        model.sectionProperty()
                .addListener((obs, old, now) -> list.getSelectionModel().select(now));
        return list;
    }

    private Node statusBar() {
        Label message = new Label();
        message.setId("status");
        message.textProperty().bind(model.statusProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Label studyLabel = new Label();
        studyLabel.setId("status-study");
        // the study the runs, compare and lessons views show; the composer's while none is chosen
        studyLabel
                .textProperty()
                .bind(Bindings.concat(
                        "study: ",
                        Bindings.when(model.studyProperty().isNull())
                                .then(model.composer().titleExpression())
                                .otherwise(model.studyProperty())));
        Label store = new Label("store: " + model.store());
        store.setId("status-store");
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(14, 14);
        working.visibleProperty().bind(model.background().pendingProperty().greaterThan(0));
        HBox bar = new HBox(14, message, studyLabel, store, working);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
