package ablation.app.gui.studies;

import ablation.app.gui.Background;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the studies view: the catalog's studies and templates, reloaded off the FX thread. */
public final class StudiesViewModel {
    private final StudyCatalog catalog;
    private final Background background;
    private final Consumer<String> status;
    private final ObservableList<StudyEntry> studies = FXCollections.observableArrayList();
    private final ObservableList<StudyEntry> templates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    /** @param status where failures to list the studies are reported */
    public StudiesViewModel(StudyCatalog catalog, Background background, Consumer<String> status) {
        this.catalog = catalog;
        this.background = background;
        this.status = status;
    }

    /** Reloads the list (each study is loaded and expanded, so this runs in the background). */
    public void refresh() {
        background.run(
                catalog::studies,
                list -> {
                    studies.setAll(list);
                    templates.setAll(
                            list.stream().filter(s -> s.template() && s.valid()).toList());
                    loaded.set(true);
                },
                e -> status.accept("cannot list studies: " + e.getMessage()));
    }

    /** Adds a file the user opened or saved, then reloads. */
    public void remember(Path file) {
        catalog.remember(file);
        refresh();
    }

    public ObservableList<StudyEntry> studies() {
        return studies;
    }

    /** The lesson and run templates a new study can start from. */
    public ObservableList<StudyEntry> templates() {
        return templates;
    }

    /** True once the first listing arrived (until then the table's placeholder says so). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
