package ablation.app.gui.composer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One comparison of the study being edited: its axes and how they combine. A study from a file may
 * hold several (the five-lesson study); their lesson, title and overrides of the base are kept as
 * read.
 */
public final class AblationDraft {
    private final int lesson;
    private final String title;
    private final ObjectNode overrides;
    private final StringProperty combine = new SimpleStringProperty(this, "combine");
    private final ObservableList<AxisDraft> axes = FXCollections.observableArrayList(AxisDraft::observables);

    public AblationDraft(int lesson, String title, ObjectNode overrides, String combine) {
        this.lesson = lesson;
        this.title = title;
        this.overrides = overrides;
        this.combine.set(combine);
    }

    public int lesson() {
        return lesson;
    }

    public String title() {
        return title;
    }

    /** Changes to the study's base for this ablation only (never empty-checked by callers: may be {}). */
    public ObjectNode overrides() {
        return overrides;
    }

    public StringProperty combineProperty() {
        return combine;
    }

    public ObservableList<AxisDraft> axes() {
        return axes;
    }

    Observable[] observables() {
        return new Observable[] {combine, axes};
    }

    /** For the ablation picker: {@code lesson 2: Infill is not a free lunch}. */
    @Override
    public String toString() {
        String head = lesson > 0 ? "lesson " + lesson : "ablation";
        return title == null ? head : head + ": " + title;
    }
}
