package ablation.app.gui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of a view fed by the tracking store (runs, compare, lessons): the current study's items,
 * or the message that says why there are none. Refreshing reads the feed off the FX thread and
 * replaces the items in one batch on it.
 */
public final class FeedViewModel<T> {
    /** Shown while no tracking store is connected to the window. */
    public static final String NO_STORE =
            "No runs yet: launch a study. (This window is not connected to a tracking store yet.)";

    public static final String NO_STUDY = "No study open: pick one in Studies, or compose one.";
    public static final String NO_RUNS = "No runs yet: launch a study from the composer (Ctrl+L).";

    private final Optional<StudyFeed<T>> feed;
    private final Background background;
    private final ObservableStringValue study;
    private final Consumer<String> status;
    private final String what;
    private final String none;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private boolean refreshing;
    private boolean active;

    /**
     * @param feed the store's reader, absent until a store is wired
     * @param study name of the study to show (null or blank: none)
     * @param what what the items are, for error messages ({@code runs})
     */
    public FeedViewModel(
            Optional<StudyFeed<T>> feed,
            Background background,
            ObservableStringValue study,
            Consumer<String> status,
            String what) {
        this(feed, background, study, status, what, NO_RUNS);
    }

    /** @param none what to say when the study has no items ({@link #NO_RUNS}) */
    public FeedViewModel(
            Optional<StudyFeed<T>> feed,
            Background background,
            ObservableStringValue study,
            Consumer<String> status,
            String what,
            String none) {
        this.none = none;
        this.feed = feed;
        this.background = background;
        this.study = study;
        this.status = status;
        this.what = what;
        emptyMessage.set(feed.isPresent() ? NO_STUDY : NO_STORE);
        study.addListener((obs, old, now) -> {
            items.clear();
            if (active) refresh();
        });
    }

    /**
     * The view is shown ({@code true}, which reads the feed) or hidden. A hidden view does not read
     * its feed when the study changes: the shown one should not wait behind it.
     */
    public void setActive(boolean shown) {
        active = shown;
        if (shown) refresh();
    }

    /** Reads the feed again (skipped while a read is in flight: the timer must not pile them up). */
    public void refresh() {
        String name = study.get();
        if (feed.isEmpty()) return;
        if (name == null || name.isBlank()) {
            items.clear();
            emptyMessage.set(NO_STUDY);
            return;
        }
        if (refreshing) return;
        refreshing = true;
        background.run(
                () -> feed.get().items(name),
                list -> {
                    refreshing = false;
                    if (!name.equals(study.get())) return;
                    show(list);
                },
                e -> {
                    refreshing = false;
                    status.accept("cannot read " + what + " of " + name + ": " + e.getMessage());
                });
    }

    private void show(List<T> list) {
        items.setAll(list);
        emptyMessage.set(list.isEmpty() ? none : null);
    }

    public ObservableList<T> items() {
        return items;
    }

    /** Why there is nothing to show, or null when there are items. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }
}
