package ablation.app.gui;

import ablation.app.gui.compare.CompareView;
import ablation.app.gui.compare.CompareViewModel;
import ablation.app.gui.composer.ComposerView;
import ablation.app.gui.composer.ComposerViewModel;
import ablation.app.gui.lessons.LessonCard;
import ablation.app.gui.lessons.LessonsView;
import ablation.app.gui.runs.RunsView;
import ablation.app.gui.runs.RunsViewModel;
import ablation.app.gui.studies.StudiesView;
import ablation.app.gui.studies.StudiesViewModel;
import ablation.app.gui.studies.StudyEntry;
import ablation.core.WorkbenchException;
import ablation.reports.export.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
import javafx.util.Duration;

/**
 * The main window: a menu with the keyboard shortcuts, the navigation between the views
 * ({@link Section}), the current view, and a status bar (last message, open study, store, work in
 * flight). Owns the commands that span views: new, open, save, launch.
 */
public final class WorkbenchWindow {
    /** How often the runs view polls the store while it is shown. */
    private static final Duration RUNS_POLL = Duration.seconds(2);
    static final String NO_LESSONS = "No lessons here: none of the study's ablations names a lesson (lesson: N in the study file), "
            + "or the study has no runs yet.";

    private final GuiServices services;
    private final Background background = new Background();
    private final ComposerViewModel composer;
    private final StudiesViewModel studies;
    private final RunsViewModel runs;
    private final CompareViewModel compare;
    private final FeedViewModel<LessonCard> lessons;
    private final Map<Section, Parent> views = new EnumMap<>(Section.class);
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.STUDIES);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    /** The study the store-fed views show: the one last opened, saved or launched. */
    private final StringProperty study = new SimpleStringProperty(this, "study");
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Timeline feedTimer;
    private WindowState state;
    private Consumer<WindowState> persist = s -> { };

    /** @param debounce pause after an edit before the composer's preview is recomputed */
    public WorkbenchWindow(GuiServices services, WindowState state, Duration debounce) {
        this.services = services;
        this.state = state;
        composer = new ComposerViewModel(background, services.launcher(), services.flopsPerSecond(), debounce);
        studies = new StudiesViewModel(services.catalog(), background, status::set);
        runs = new RunsViewModel(services.runs(), background, study, status::set);
        compare = new CompareViewModel(services.compare(), background, study, status::set);
        lessons = new FeedViewModel<>(services.lessons().map(source -> source::lessons), background, study, status::set,
                "lessons", NO_LESSONS);
        services.launcher().ifPresent(launcher -> launcher.reportProgressTo(line -> Platform.runLater(() -> status.set(line))));

        views.put(Section.STUDIES, new StudiesView(studies, this::newStudy, this::newFromTemplate, this::openWithDialog,
                this::openListed).root());
        views.put(Section.COMPOSER, new ComposerView(composer, this::save, this::launch).root());
        views.put(Section.RUNS, new RunsView(runs).root());
        views.put(Section.COMPARE, new CompareView(compare).root());
        views.put(Section.LESSONS, new LessonsView(lessons, this::exportReport).root());

        root.getStyleClass().add("workbench");
        root.setTop(menuBar());
        root.setLeft(navigation());
        root.setCenter(content);
        root.setBottom(statusBar());
        section.addListener((obs, old, now) -> showSection(now));
        showSection(section.get());

        feedTimer = new Timeline(new KeyFrame(RUNS_POLL, e -> {
            if (section.get() == Section.RUNS) runs.rows().refresh();
        }));
        feedTimer.setCycleCount(Animation.INDEFINITE);
        feedTimer.play();
        studies.refresh();
    }

    /** Opens the initial study (or a new one) and view; call once, after construction. */
    public void start(Optional<Path> initialStudy, Section initialSection) {
        Path last = state.lastStudy() == null ? null : Path.of(state.lastStudy());
        Path first = initialStudy.orElse(last != null && Files.isRegularFile(last) ? last : null);
        composer.newStudy();
        if (first != null) openQuietly(first);
        section.set(initialSection);
    }

    private void openQuietly(Path file) {
        try {
            composer.open(file);
            study.set(composer.nameProperty().get());
        } catch (WorkbenchException e) {
            status.set("cannot open " + file + ": " + e.getMessage());
        }
    }

    public Scene scene() {
        Scene scene = new Scene(root, state.width(), state.height());
        scene.getStylesheets().add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
        return scene;
    }

    /**
     * Shows the window in {@code stage} where it last was, and saves the window state through
     * {@code persist} whenever it closes or a study is opened or saved.
     */
    public void show(Stage stage, Consumer<WindowState> persist) {
        stage.setScene(scene());
        if (!Double.isNaN(state.x()) && !Double.isNaN(state.y())) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
        stage.titleProperty().bind(Bindings.concat("Ablation Workbench · ", composer.titleExpression()));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
                return;
            }
            state = state.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
                    .withView(section.get());
            persist.accept(state);
            close();
        });
        this.persist = persist;
        stage.show();
    }

    /** Stops the refresh timer and the worker threads. */
    public void close() {
        feedTimer.stop();
        background.close();
    }

    // ---- commands -------------------------------------------------------------------------

    public void newStudy() {
        if (!confirmDiscard()) return;
        composer.newStudy();
        section.set(Section.COMPOSER);
        status.set("New study: set the base, add axes, then save and launch");
    }

    public void newFromTemplate(Path template) {
        if (!confirmDiscard()) return;
        try {
            composer.openTemplate(template);
            section.set(Section.COMPOSER);
            status.set("New study from template " + template.getFileName() + ": save it under a name of your own");
        } catch (WorkbenchException e) {
            status.set("cannot use template " + template + ": " + e.getMessage());
        }
    }

    public void openWithDialog() {
        if (!confirmDiscard()) return;
        services.dialogs().chooseStudyToOpen(window()).ifPresent(this::openConfirmed);
    }

    /** Opens a study file in the composer (asking first when the current one has unsaved edits). */
    public void open(Path file) {
        if (confirmDiscard()) openConfirmed(file);
    }

    /** Opens a listed study: its file in the composer, or the runs of a study only the store knows. */
    private void openListed(StudyEntry entry) {
        if (entry.file() != null) {
            open(entry.file());
            return;
        }
        study.set(entry.name());
        section.set(Section.RUNS);
        status.set("Study " + entry.name() + " is in the tracking store only: its runs, comparisons and lessons are here");
    }

    /** Asks where, then writes the current study's lesson report in {@code formats}. */
    private void exportReport(Set<Format> formats) {
        String name = study.get();
        if (services.lessons().isEmpty() || name == null) return;
        Optional<Path> directory = services.dialogs().chooseReportDirectory(window(), name);
        if (directory.isEmpty()) return;
        status.set("Writing the report of " + name + "…");
        background.run(() -> services.lessons().get().export(name, directory.get(), formats),
                written -> status.set("Wrote " + String.join(", ", written.stream().limit(3).map(p -> p.getFileName().toString()).toList())
                        + (written.size() > 3 ? " and " + (written.size() - 3) + " chart images" : "") + " in " + directory.get()),
                e -> status.set("cannot write the report: " + e.getMessage()));
    }

    private void openConfirmed(Path file) {
        try {
            composer.open(file);
        } catch (WorkbenchException e) {
            status.set("cannot open " + file + ": " + e.getMessage());
            return;
        }
        remember(file);
        section.set(Section.COMPOSER);
        status.set("Opened " + file);
    }

    /** Saves the composer's study, asking for a file the first time; false when nothing was saved. */
    public boolean save() {
        Optional<Path> target = Optional.ofNullable(composer.fileProperty().get())
                .or(() -> services.dialogs().chooseStudyToSave(window(), composer.nameProperty().get() + ".yaml"));
        if (target.isEmpty()) return false;
        try {
            composer.save(target.get());
        } catch (WorkbenchException e) {
            status.set("cannot save: " + e.getMessage());
            return false;
        }
        remember(target.get());
        status.set("Saved " + target.get());
        return true;
    }

    public void saveAs() {
        Optional<Path> target = services.dialogs().chooseStudyToSave(window(), composer.nameProperty().get() + ".yaml");
        if (target.isEmpty()) return;
        try {
            composer.save(target.get());
            remember(target.get());
            status.set("Saved " + target.get());
        } catch (WorkbenchException e) {
            status.set("cannot save: " + e.getMessage());
        }
    }

    /** Saves the study, then hands it to the launcher and shows its runs. */
    public void launch() {
        if (!composer.launchable().get()) {
            status.set(composer.canLaunchAtAll() ? "The study cannot be launched: " + composer.errorProperty().get()
                    : "No run queue is connected: save the study and run it with `workbench study FILE`");
            return;
        }
        if ((composer.dirtyProperty().get() || composer.fileProperty().get() == null) && !save()) return;
        status.set("Launching " + composer.nameProperty().get() + "…");
        composer.launch(message -> {
            status.set(message);
            section.set(Section.RUNS);
        }, e -> status.set("launch failed: " + e.getMessage()));
    }

    private void remember(Path file) {
        study.set(composer.nameProperty().get());
        studies.remember(file);
        state = state.withStudy(file.toAbsolutePath().normalize().toString());
        persist.accept(state);
    }

    private boolean confirmDiscard() {
        return !composer.dirtyProperty().get() || services.dialogs().confirmDiscard(window(), composer.nameProperty().get());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- layout ---------------------------------------------------------------------------

    private void showSection(Section shown) {
        content.getChildren().setAll(views.get(shown));
        state = state.withView(shown);
        runs.rows().setActive(shown == Section.RUNS);
        compare.setActive(shown == Section.COMPARE);
        lessons.setActive(shown == Section.LESSONS);
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        Menu templates = new Menu("New from lesson template");
        templates.disableProperty().bind(Bindings.isEmpty(studies.templates()));
        studies.templates().addListener((ListChangeListener<StudyEntry>) c -> templates.getItems().setAll(
                studies.templates().stream().map(t -> item(t.name(), null, () -> newFromTemplate(t.file()))).toList()));
        file.getItems().addAll(
                item("New study", shortcut(KeyCode.N), this::newStudy),
                templates,
                item("Open…", shortcut(KeyCode.O), this::openWithDialog),
                new SeparatorMenuItem(),
                item("Save", shortcut(KeyCode.S), this::save),
                item("Save as…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::saveAs),
                new SeparatorMenuItem(),
                item("Quit", shortcut(KeyCode.Q), () -> {
                    Window window = window();
                    if (window != null) window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
                }));
        Menu studyMenu = new Menu("Study");
        MenuItem launch = item("Launch", shortcut(KeyCode.L), this::launch);
        launch.disableProperty().bind(composer.launchable().not());
        studyMenu.getItems().addAll(launch, item("Refresh preview", new KeyCodeCombination(KeyCode.F5), composer::refreshPreview));
        Menu view = new Menu("View");
        for (Section each : Section.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + each.shortcutDigit());
            view.getItems().add(item(each.title(), shortcut(digit), () -> section.set(each)));
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
        list.getSelectionModel().select(section.get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) section.set(now);
        });
        section.addListener((obs, old, now) -> list.getSelectionModel().select(now));
        return list;
    }

    private Node statusBar() {
        Label message = new Label();
        message.setId("status");
        message.textProperty().bind(status);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Label studyLabel = new Label();
        studyLabel.setId("status-study");
        // the study the runs, compare and lessons views show; the composer's while none is chosen
        studyLabel.textProperty().bind(Bindings.concat("study: ", Bindings.when(study.isNull()).then(composer.titleExpression())
                .otherwise(study)));
        Label store = new Label("store: " + services.store());
        store.setId("status-store");
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(14, 14);
        working.visibleProperty().bind(background.pendingProperty().greaterThan(0));
        HBox bar = new HBox(14, message, studyLabel, store, working);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---- for the screenshot command and tests ----------------------------------------------

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public StudiesViewModel studies() {
        return studies;
    }

    public Background background() {
        return background;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public CompareViewModel compare() {
        return compare;
    }

    /** The study name the runs, compare and lessons views show. */
    public StringProperty studyProperty() {
        return study;
    }
}
