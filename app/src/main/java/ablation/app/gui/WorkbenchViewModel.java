package ablation.app.gui;

import ablation.app.gui.compare.CompareViewModel;
import ablation.app.gui.composer.ComposerViewModel;
import ablation.app.gui.lessons.LessonCard;
import ablation.app.gui.runs.RunsViewModel;
import ablation.app.gui.studies.StudiesViewModel;
import ablation.app.gui.studies.StudyEntry;
import ablation.core.WorkbenchException;
import ablation.reports.export.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

/**
 * State and commands of the main window (docs/ARCHITECTURE.md, the GUI's MVVM): the view shown, the
 * status line, the study the store-fed views show, the window state to persist, the view models of
 * the views, and the commands that span views (new, open, save, launch, export). It owns no JavaFX
 * node or timer: {@link WorkbenchWindow} binds to it, the services do the work through
 * {@link Background}, and the runs poll comes from the injected {@link Scheduler}.
 */
public final class WorkbenchViewModel {
    /** How often the runs view polls the store while it is shown. */
    static final Duration RUNS_POLL = Duration.ofSeconds(2);

    static final String NO_LESSONS = "No lessons here: none of the study's ablations names a lesson "
            + "(lesson: N in the study file), or the study has no runs yet.";

    private final GuiServices services;
    private final Background background;
    private final ComposerViewModel composer;
    private final StudiesViewModel studies;
    private final RunsViewModel runs;
    private final CompareViewModel compare;
    private final FeedViewModel<LessonCard> lessons;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.STUDIES);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    /** The study the store-fed views show: the one last opened, saved or launched. */
    private final StringProperty study = new SimpleStringProperty(this, "study");

    private final Scheduler.Timer poll;
    private WindowState state;
    private Consumer<WindowState> persist = s -> {};
    private Supplier<Window> owner = () -> null;

    /**
     * @param errors where unexpected failures go; its alerts name them in the status line too
     * @param debounce pause after an edit before the composer's preview is recomputed
     */
    public WorkbenchViewModel(
            GuiServices services,
            WindowState state,
            Background background,
            UnexpectedErrors errors,
            Scheduler scheduler,
            Duration debounce) {
        this.services = services;
        this.state = state;
        this.background = background;
        errors.alertWith(message -> {
            status.set(message);
            services.dialogs().showError(owner.get(), message);
        });
        composer =
                new ComposerViewModel(background, scheduler, services.launcher(), services.flopsPerSecond(), debounce);
        studies = new StudiesViewModel(services.catalog(), background, status::set);
        runs = new RunsViewModel(services.runs(), background, study, status::set);
        compare = new CompareViewModel(services.compare(), background, study, status::set);
        lessons = new FeedViewModel<>(
                services.lessons().map(source -> source::lessons),
                background,
                study,
                status::set,
                "lessons",
                NO_LESSONS);
        services.launcher()
                .ifPresent(
                        launcher -> launcher.reportProgressTo(line -> background.onUiThread(() -> status.set(line))));
        section.addListener((obs, old, now) -> showSection(now));
        poll = scheduler.every(RUNS_POLL, () -> {
            if (section.get() == Section.RUNS) runs.rows().refresh();
        });
        studies.refresh();
    }

    /** Opens the initial study (or a new one) and view; call once, after the window is built. */
    public void start(Optional<Path> initialStudy, Section initialSection) {
        Path last = state.lastStudy() == null ? null : Path.of(state.lastStudy());
        Path first = initialStudy.orElse(last != null && Files.isRegularFile(last) ? last : null);
        composer.newStudy();
        if (first != null) openQuietly(first);
        showSection(section.get());
        section.set(initialSection);
    }

    /** The window the dialogs belong to, and where the window state goes when a study is opened or saved. */
    public void attach(Supplier<Window> window, Consumer<WindowState> persistState) {
        this.owner = window;
        this.persist = persistState;
    }

    /** The state to save as the window closes: these bounds, the view shown. */
    public WindowState closing(double x, double y, double width, double height, boolean maximized) {
        state = state.withBounds(x, y, width, height, maximized).withView(section.get());
        return state;
    }

    public WindowState state() {
        return state;
    }

    /** Stops the poll and the worker threads. */
    public void close() {
        poll.cancel();
        background.close();
    }

    // ---- commands -------------------------------------------------------------------------

    public void newStudy() {
        if (!confirmDiscard()) return;
        composer.newStudy();
        section.set(Section.COMPOSER);
        status.set("New study: set the base, add axes, then save and launch");
    }

    /** A new, unsaved study from a lesson template or, as its base, a run config. */
    public void newFromTemplate(StudyEntry template) {
        if (!confirmDiscard()) return;
        try {
            if (template.origin() == StudyEntry.Origin.RUN_TEMPLATE) composer.openRunConfig(template.file());
            else composer.openTemplate(template.file());
            section.set(Section.COMPOSER);
            status.set(
                    "New study from template " + template.file().getFileName() + ": save it under a name of your own");
        } catch (WorkbenchException e) {
            status.set("cannot use template " + template.file() + ": " + e.getMessage());
        }
    }

    public void openWithDialog() {
        if (!confirmDiscard()) return;
        services.dialogs().chooseStudyToOpen(owner.get()).ifPresent(this::openConfirmed);
    }

    /** Opens a study file in the composer (asking first when the current one has unsaved edits). */
    public void open(Path file) {
        if (confirmDiscard()) openConfirmed(file);
    }

    /**
     * Opens a listed study: its file in the composer, a new study on a run config template, or the
     * runs of a study only the store knows.
     */
    public void openListed(StudyEntry entry) {
        if (entry.origin() == StudyEntry.Origin.RUN_TEMPLATE) {
            newFromTemplate(entry);
            return;
        }
        if (entry.file() != null) {
            open(entry.file());
            return;
        }
        study.set(entry.name());
        section.set(Section.RUNS);
        status.set(
                "Study " + entry.name() + " is in the tracking store only: its runs, comparisons and lessons are here");
    }

    /** Asks where, then writes the current study's lesson report in {@code formats}. */
    public void exportReport(Set<Format> formats) {
        String name = study.get();
        if (services.lessons().isEmpty() || name == null) return;
        Optional<Path> directory = services.dialogs().chooseReportDirectory(owner.get(), name);
        if (directory.isEmpty()) return;
        status.set("Writing the report of " + name + "…");
        background.run(
                () -> services.lessons().get().export(name, directory.get(), formats),
                written -> status.set("Wrote " + written(written) + " in " + directory.get()),
                e -> status.set("cannot write the report: " + e.getMessage()));
    }

    private static String written(List<Path> files) {
        return String.join(
                        ", ",
                        files.stream()
                                .limit(3)
                                .map(p -> p.getFileName().toString())
                                .toList())
                + (files.size() > 3 ? " and " + (files.size() - 3) + " chart images" : "");
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

    private void openQuietly(Path file) {
        try {
            composer.open(file);
            study.set(composer.nameProperty().get());
        } catch (WorkbenchException e) {
            status.set("cannot open " + file + ": " + e.getMessage());
        }
    }

    /** Saves the composer's study, asking for a file the first time; false when nothing was saved. */
    public boolean save() {
        Optional<Path> target = Optional.ofNullable(composer.fileProperty().get())
                .or(() -> services.dialogs()
                        .chooseStudyToSave(owner.get(), composer.nameProperty().get() + ".yaml"));
        return target.isPresent() && saveTo(target.get());
    }

    public void saveAs() {
        services.dialogs()
                .chooseStudyToSave(owner.get(), composer.nameProperty().get() + ".yaml")
                .ifPresent(this::saveTo);
    }

    private boolean saveTo(Path target) {
        try {
            composer.save(target);
        } catch (WorkbenchException e) {
            status.set("cannot save: " + e.getMessage());
            return false;
        }
        remember(target);
        status.set("Saved " + target);
        return true;
    }

    /** Saves the study, then hands it to the launcher and shows its runs. */
    public void launch() {
        if (!composer.launchable().get()) {
            status.set(
                    composer.canLaunchAtAll()
                            ? "The study cannot be launched: "
                                    + composer.errorProperty().get()
                            : "No run queue is connected: save the study and run it with `workbench study FILE`");
            return;
        }
        if ((composer.dirtyProperty().get() || composer.fileProperty().get() == null) && !save()) return;
        status.set("Launching " + composer.nameProperty().get() + "…");
        composer.launch(
                message -> {
                    status.set(message);
                    section.set(Section.RUNS);
                },
                e -> status.set("launch failed: " + e.getMessage()));
    }

    /** Whether the window may close: no unsaved edits, or the user agrees to lose them. */
    public boolean confirmDiscard() {
        return !composer.dirtyProperty().get()
                || services.dialogs()
                        .confirmDiscard(owner.get(), composer.nameProperty().get());
    }

    private void remember(Path file) {
        study.set(composer.nameProperty().get());
        studies.remember(file);
        state = state.withStudy(file.toAbsolutePath().normalize().toString());
        persist.accept(state);
    }

    private void showSection(Section shown) {
        state = state.withView(shown);
        runs.rows().setActive(shown == Section.RUNS);
        compare.setActive(shown == Section.COMPARE);
        lessons.setActive(shown == Section.LESSONS);
    }

    // ---- state for the views --------------------------------------------------------------

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** The last message for the status line. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The study name the runs, compare and lessons views show. */
    public StringProperty studyProperty() {
        return study;
    }

    /** One line describing the tracking store, for the status bar. */
    public String store() {
        return services.store();
    }

    public Background background() {
        return background;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public StudiesViewModel studies() {
        return studies;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public FeedViewModel<LessonCard> lessons() {
        return lessons;
    }
}
