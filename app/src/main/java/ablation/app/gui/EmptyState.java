package ablation.app.gui;

import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Layout shared by the store-fed views: a title, then the content or the message saying why it is empty. */
public final class EmptyState {
    private EmptyState() {}

    /**
     * @param message the reason there is nothing to show, or null to show {@code content}
     * @param actions nodes placed at the right of the title (refresh buttons, pickers)
     */
    public static VBox view(String title, String subtitle, Node content, StringExpression message, Node... actions) {
        Label heading = new Label(title);
        heading.getStyleClass().add("view-title");
        Label sub = new Label(subtitle);
        sub.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, heading, sub, spacer);
        header.getChildren().addAll(actions);
        header.setAlignment(Pos.BASELINE_LEFT);

        Label empty = new Label();
        empty.setId("empty-state");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.textProperty().bind(message);
        empty.visibleProperty().bind(message.isNotNull());
        content.visibleProperty().bind(message.isNull());
        StackPane body = new StackPane(content, empty);
        StackPane.setAlignment(empty, Pos.CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox view = new VBox(10, header, body);
        view.setPadding(new Insets(12));
        return view;
    }
}
