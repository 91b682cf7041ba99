package ablation.app.gui;

import java.util.List;

/**
 * What a store-backed view shows for a study: runs, charts or lesson verdicts, read from the
 * tracking store. Called off the FX thread, again every few seconds while the view is visible.
 *
 * @param <T> one item of the view (a table row, a chart, a lesson card)
 */
@FunctionalInterface
public interface StudyFeed<T> {
    /** The items for study {@code study} (its name); empty when it has none yet. */
    List<T> items(String study);
}
