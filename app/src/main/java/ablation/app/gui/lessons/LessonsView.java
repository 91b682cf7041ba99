package ablation.app.gui.lessons;

import ablation.app.gui.EmptyState;
import ablation.app.gui.FeedViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The five lessons of the current study: claim, measurement, verdict and the rule behind it. */
public final class LessonsView {
    private final Parent root;

    public LessonsView(FeedViewModel<LessonCard> model) {
        VBox cards = new VBox(12);
        cards.setId("lessons");
        model.items().addListener((ListChangeListener<LessonCard>) c -> cards.getChildren().setAll(
                model.items().stream().map(LessonsView::card).toList()));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        root = EmptyState.view("Lessons", "the CodeGen2 lessons, measured here", scroll,
                model.emptyMessageProperty(), refresh);
    }

    private static Node card(LessonCard lesson) {
        Label title = new Label("Lesson " + lesson.lesson() + ": " + lesson.claim());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label verdict = new Label(lesson.verdict());
        verdict.getStyleClass().addAll("verdict", "verdict-" + lesson.verdict());
        Label measurement = new Label(lesson.measurement());
        measurement.setWrapText(true);
        Label rule = new Label(lesson.rule());
        rule.getStyleClass().add("hint");
        rule.setWrapText(true);
        VBox text = new VBox(6, new HBox(8, verdict, title), measurement, rule);
        VBox card = new VBox(8, text);
        if (lesson.chart() != null) {
            ChartViewer chart = new ChartViewer(lesson.chart());
            chart.setPrefSize(640, 320);
            card.getChildren().add(chart);
        }
        card.getStyleClass().add("card");
        card.setPadding(new Insets(10));
        return card;
    }

    public Parent root() {
        return root;
    }
}
