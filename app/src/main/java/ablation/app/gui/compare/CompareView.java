package ablation.app.gui.compare;

import ablation.app.gui.EmptyState;
import ablation.app.gui.FeedViewModel;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.TilePane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Charts that compare the arms of the current study (loss curves with seed bands, pass@k against
 * k, infill against left-to-right), built by the reports module's chart functions from the store.
 */
public final class CompareView {
    private final Parent root;

    public CompareView(FeedViewModel<JFreeChart> model) {
        TilePane charts = new TilePane(12, 12);
        charts.setId("charts");
        charts.setPrefColumns(2);
        model.items().addListener((ListChangeListener<JFreeChart>) c -> show(charts, model.items()));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        root = EmptyState.view("Compare", "the arms side by side, seeds as bands", scroll,
                model.emptyMessageProperty(), refresh);
    }

    /** Puts each chart into a viewer, reusing the viewers already shown so a refresh does not flicker. */
    private static void show(TilePane charts, List<JFreeChart> items) {
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
