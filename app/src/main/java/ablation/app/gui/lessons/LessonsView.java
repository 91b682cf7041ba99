package ablation.app.gui.lessons;

import ablation.app.gui.EmptyState;
import ablation.app.gui.FeedViewModel;
import ablation.reports.export.Format;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The lessons the current study tests: per lesson the claim, the verdict and the rule behind it,
 * our measurement beside the paper's, and the lesson's chart; the report export.
 */
public final class LessonsView {
    private final Parent root;

    /** @param export writes the study's report in these formats (asks where) */
    public LessonsView(FeedViewModel<LessonCard> model, Consumer<Set<Format>> export) {
        VBox cards = new VBox(12);
        cards.setId("lessons");
        model.items().addListener((ListChangeListener<LessonCard>) c -> cards.getChildren()
                .setAll(model.items().stream().map(LessonsView::card).toList()));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        MenuButton exportButton = new MenuButton("Export report");
        exportButton.setId("export-report");
        exportButton
                .getItems()
                .addAll(
                        exportItem("HTML (self-contained)", EnumSet.of(Format.HTML), export),
                        exportItem("Markdown with chart images", EnumSet.of(Format.MD), export),
                        exportItem("PDF", EnumSet.of(Format.PDF), export),
                        exportItem("All three", EnumSet.allOf(Format.class), export));
        exportButton.disableProperty().bind(model.emptyMessageProperty().isNotNull());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        root = EmptyState.view(
                "Lessons",
                "the CodeGen2 lessons, measured here",
                scroll,
                model.emptyMessageProperty(),
                exportButton,
                refresh);
    }

    private static MenuItem exportItem(String title, Set<Format> formats, Consumer<Set<Format>> export) {
        MenuItem item = new MenuItem(title);
        item.setOnAction(e -> export.accept(formats));
        return item;
    }

    private static Node card(LessonCard lesson) {
        Label title = new Label("Lesson " + lesson.lesson() + ": " + lesson.title());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label verdict = new Label(lesson.verdict());
        verdict.getStyleClass().addAll("verdict", "verdict-" + lesson.verdict().split(" ")[0]);
        Label claim = new Label(lesson.claim());
        claim.setWrapText(true);
        Label measurement = new Label("Ours: " + lesson.measurement());
        measurement.setWrapText(true);
        Label paper = new Label("Paper: " + lesson.paper());
        paper.setWrapText(true);
        Label rule = new Label(lesson.rule());
        rule.getStyleClass().add("hint");
        rule.setWrapText(true);
        VBox text = new VBox(6, new HBox(8, verdict, title), claim, measurement, paper, rule);
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
